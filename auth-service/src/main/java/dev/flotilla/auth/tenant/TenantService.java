package dev.flotilla.auth.tenant;

import dev.flotilla.auth.audit.AuditLog;
import dev.flotilla.auth.audit.AuditType;
import dev.flotilla.auth.config.AuthConfig;
import dev.flotilla.auth.password.PasswordHasher;
import dev.flotilla.auth.password.PasswordPolicy;
import dev.flotilla.auth.token.Secrets;
import dev.flotilla.auth.user.User;
import dev.flotilla.auth.user.UserRepository;
import dev.flotilla.auth.user.UserService;
import dev.flotilla.common.db.SqlResults;
import dev.flotilla.auth.web.Origin;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.common.id.Ids;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Tenants: registration (a tenant and its first administrator), the bootstrap of the {@code default}
 * tenant, and the check that a caller administers the platform (an admin of {@code default}).
 */
@ApplicationScoped
public class TenantService {

    /** Arbitrary constant naming the advisory lock of the first-start bootstrap. */
    private static final long BOOTSTRAP_LOCK = 0x466c6f74426f6f74L;

    private final TenantRepository tenants;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final AuthConfig config;

    public TenantService(TenantRepository tenants, UserRepository users, PasswordHasher hasher, PasswordPolicy policy, AuditLog audit,
                         AuthConfig config) {
        this.config = config;
        this.tenants = tenants;
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.audit = audit;
    }

    /** A tenant and its first user. */
    public record Registered(Tenant tenant, User admin) {
    }

    /** Creates a tenant named {@code name} (slug derived, made unique) and its first user, an admin. */
    public Uni<Registered> register(String name, String rawEmail, String password, String displayName, Origin origin) {
        if (!config.registrationEnabled()) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.FORBIDDEN, "Self-service registration is disabled on this installation"));
        }
        String email = UserService.normalizeEmail(rawEmail);
        policy.check("password", password, email);
        return hasher.hash(password)
                .chain(hash -> Panache.withTransaction(() -> freeSlug(Slugs.of(name))
                        .chain(slug -> create(slug, name.trim(), email, displayName.trim(), hash, origin, AuditType.TENANT_REGISTERED))))
                .onFailure(SqlResults::isUniqueViolation).transform(e -> new Conflict("A tenant with this name was registered at the same moment; try again"));
    }

    /**
     * On the first start with an empty database: the {@code default} tenant and its administrator.
     * Returns the administrator and, when it had to be generated, the password; null when tenants exist.
     * Replicas starting together are serialised by an advisory lock, so only one creates it.
     */
    public Uni<Map.Entry<User, String>> bootstrap(String rawEmail, String configuredPassword) {
        String email = UserService.normalizeEmail(rawEmail);
        String generated = configuredPassword == null || configuredPassword.isBlank() ? policy.generate() : null;
        String password = generated == null ? configuredPassword : generated;
        return hasher.hash(password).chain(hash -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select true from (select pg_advisory_xact_lock(?1)) locked", Boolean.class)
                        .setParameter(1, BOOTSTRAP_LOCK).getSingleResult())
                .chain(() -> tenants.count())
                .chain(count -> count > 0
                        ? Uni.createFrom().nullItem()
                        : create(Tenant.DEFAULT_SLUG, "Default", email, "Administrator", hash, Origin.internal(), AuditType.TENANT_REGISTERED)
                                .map(registered -> Map.entry(registered.admin(), generated == null ? "" : generated)))));
    }

    /** Fails with 403 unless the caller is an administrator of the {@code default} tenant, who runs the platform. */
    @WithSession
    public Uni<Void> requirePlatformAdmin(UUID tenant, boolean admin) {
        return tenants.findById(tenant).invoke(found -> {
            if (!admin || found == null || !Tenant.DEFAULT_SLUG.equals(found.slug)) {
                throw new ProblemException(ProblemType.FORBIDDEN, "Only administrators of the default tenant manage the platform's signing keys");
            }
        }).replaceWithVoid();
    }

    private Uni<String> freeSlug(String base) {
        return tenants.findBySlug(base).map(existing -> existing == null ? base
                : base.substring(0, Math.min(base.length(), Slugs.MAX_LENGTH - 7)) + "-" + Secrets.hex(3));
    }

    private Uni<Registered> create(String slug, String name, String email, String displayName, String hash, Origin origin, String auditType) {
        Tenant tenant = new Tenant();
        tenant.id = Ids.next();
        tenant.slug = slug;
        tenant.name = name;
        tenant.createdAt = Instant.now();
        User admin = UserService.newUser(tenant.id, email, displayName, hash, Set.of("admin"));
        return tenants.persist(tenant)
                .chain(() -> users.persist(admin))
                .call(() -> audit.record(tenant.id, auditType, admin.id.toString(), tenant.id.toString(), origin,
                        Map.of("slug", slug, "admin", email)))
                .map(ignored -> new Registered(tenant, admin));
    }
}
