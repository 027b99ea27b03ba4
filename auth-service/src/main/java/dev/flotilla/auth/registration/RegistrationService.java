package dev.flotilla.auth.registration;

import dev.flotilla.auth.audit.AuditLog;
import dev.flotilla.auth.audit.AuditType;
import dev.flotilla.auth.config.AuthConfig;
import dev.flotilla.auth.password.PasswordHasher;
import dev.flotilla.auth.password.PasswordPolicy;
import dev.flotilla.auth.tenant.Tenant;
import dev.flotilla.auth.tenant.TenantService;
import dev.flotilla.auth.user.User;
import dev.flotilla.auth.user.UserService;
import dev.flotilla.auth.web.Origin;
import dev.flotilla.common.db.SqlResults;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * A new tenant together with its first administrator, in one transaction: self-service
 * registration, and on the first start the {@code default} tenant with the configured (or a
 * generated) administrator.
 */
@ApplicationScoped
public class RegistrationService {

    private final TenantService tenants;
    private final UserService users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final AuthConfig config;

    public RegistrationService(TenantService tenants, UserService users, PasswordHasher hasher, PasswordPolicy policy,
            AuditLog audit,
            AuthConfig config) {
        this.tenants = tenants;
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.audit = audit;
        this.config = config;
    }

    /** A tenant and its first user. */
    public record Registered(Tenant tenant, User admin) {
    }

    /** Creates a tenant named {@code name} (slug derived, made unique) and its first user, an admin. */
    public Uni<Registered> register(String name, String rawEmail, String password, String displayName, Origin origin) {
        if (!config.registrationEnabled()) {
            return Uni.createFrom().failure(
                    new ProblemException(ProblemType.FORBIDDEN, "Self-service registration is disabled on this installation"));
        }
        String email = UserService.normalizeEmail(rawEmail);
        policy.check("password", password, email);
        return hasher.hash(password)
                .chain(hash -> Panache.withTransaction(() -> tenants.createNamed(name)
                        .chain(tenant -> withAdmin(tenant, email, displayName.trim(), hash, origin))))
                .onFailure(SqlResults::isUniqueViolation)
                .transform(e -> new Conflict("A tenant with this name was registered at the same moment; try again"));
    }

    /**
     * On the first start with an empty database: the {@code default} tenant and its administrator.
     * Returns the administrator and, when it had to be generated, the password; null when tenants exist.
     */
    public Uni<Map.Entry<User, String>> bootstrap(String rawEmail, String configuredPassword) {
        String email = UserService.normalizeEmail(rawEmail);
        String generated = configuredPassword == null || configuredPassword.isBlank() ? policy.generate() : null;
        String password = generated == null ? configuredPassword : generated;
        return hasher.hash(password).chain(hash -> Panache.withTransaction(() -> tenants.createDefaultIfNone()
                .chain(tenant -> tenant == null
                        ? Uni.createFrom().nullItem()
                        : withAdmin(tenant, email, "Administrator", hash, Origin.internal())
                                .map(registered -> Map.entry(registered.admin(), generated == null ? "" : generated)))));
    }

    private Uni<Registered> withAdmin(Tenant tenant, String email, String displayName, String hash, Origin origin) {
        return users.createFirstAdmin(tenant.id, email, displayName, hash)
                .call(admin -> audit.record(tenant.id, AuditType.TENANT_REGISTERED, admin.id.toString(), tenant.id.toString(),
                        origin,
                        Map.of("slug", tenant.slug, "admin", email)))
                .map(admin -> new Registered(tenant, admin));
    }
}
