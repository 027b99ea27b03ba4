package dev.flotilla.auth.user;

import dev.flotilla.auth.audit.AuditLog;
import dev.flotilla.auth.audit.AuditType;
import dev.flotilla.auth.password.PasswordHasher;
import dev.flotilla.auth.password.PasswordPolicy;
import dev.flotilla.auth.tenant.TenantService;
import dev.flotilla.auth.user.UserViews.CreateUser;
import dev.flotilla.auth.user.UserViews.CreatedUser;
import dev.flotilla.auth.user.UserViews.UpdateUser;
import dev.flotilla.auth.user.UserViews.UserContact;
import dev.flotilla.auth.user.UserViews.UserView;
import dev.flotilla.auth.web.Origin;
import dev.flotilla.common.db.SqlResults;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Users of a tenant: administration (create, list, change roles and status, delete) and the user's
 * own profile and password. A tenant always keeps an active administrator: changes that could remove
 * the last one lock the tenant row, so two concurrent demotions cannot both pass the check.
 */
@ApplicationScoped
public class UserService {

    private final UserRepository users;
    private final TenantService tenants;
    private final UserSessions sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AuditLog audit;

    public UserService(UserRepository users, TenantService tenants, UserSessions sessions, PasswordHasher hasher,
            PasswordPolicy policy, AuditLog audit) {
        this.users = users;
        this.tenants = tenants;
        this.sessions = sessions;
        this.hasher = hasher;
        this.policy = policy;
        this.audit = audit;
    }

    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** Creates a user of the tenant with the given or a generated password (returned once). */
    public Uni<CreatedUser> create(UUID tenant, String actor, CreateUser request, Origin origin) {
        String email = normalizeEmail(request.email());
        String generated = request.password() == null ? policy.generate() : null;
        String password = generated == null ? request.password() : generated;
        policy.check("password", password, email);
        return hasher.hash(password)
                .chain(hash -> Panache.withTransaction(() -> users.findByEmail(tenant, email).chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom()
                                .failure(new Conflict("A user with e-mail " + email + " already exists in this tenant"));
                    }
                    User user = newUser(tenant, email, request.displayName().trim(), hash, request.roles());
                    return users.persist(user)
                            .call(() -> audit.record(tenant, AuditType.USER_CREATED, actor, user.id.toString(), origin,
                                    Map.of("email", email, "roles", user.roles)));
                })))
                .onFailure(SqlResults::isUniqueViolation)
                .transform(e -> new Conflict("A user with e-mail " + email + " already exists in this tenant"))
                .map(user -> CreatedUser.of(user, generated));
    }

    /** Stores the first administrator of a tenant just created, in the caller's transaction. */
    public Uni<User> createFirstAdmin(UUID tenant, String email, String displayName, String passwordHash) {
        return users.persist(newUser(tenant, email, displayName, passwordHash, Set.of("admin")));
    }

    /** The tenant's user with this (normalised) e-mail address, or null; in the caller's session. */
    public Uni<User> findByEmail(UUID tenant, String email) {
        return users.findByEmail(tenant, email);
    }

    /** A new user entity (not yet persisted). */
    private static User newUser(UUID tenant, String email, String displayName, String passwordHash, Set<String> roles) {
        Instant now = Instant.now();
        User user = new User();
        user.id = Ids.next();
        user.tenantId = tenant;
        user.email = email;
        user.displayName = displayName;
        user.passwordHash = passwordHash;
        user.roles = new ArrayList<>(new TreeSet<>(roles));
        user.status = User.ACTIVE;
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    @WithSession
    public Uni<Page<UserView>> list(UUID tenant, UserFilter filter, PageParams page) {
        return users.page(tenant, filter, page)
                .map(rows -> Page.fromOverfetch(rows, page.limit(), u -> Cursor.of(u.id)).map(UserView::of));
    }

    @WithSession
    public Uni<UserView> get(UUID tenant, UUID id) {
        return users.find(tenant, id).onItem().ifNull().failWith(() -> new NotFound("user", id)).map(UserView::of);
    }

    /** A user's contact, for the services that send them messages. */
    @WithSession
    public Uni<UserContact> contact(UUID tenant, UUID id) {
        return users.find(tenant, id).onItem().ifNull().failWith(() -> new NotFound("user", id)).map(UserContact::of);
    }

    /** An administrator's change of name, roles or status. Disabling ends the user's sessions. */
    @WithTransaction
    public Uni<UserView> update(UUID tenant, String actor, UUID id, UpdateUser change, Origin origin) {
        return tenants.lock(tenant).chain(() -> users.find(tenant, id)).onItem().ifNull()
                .failWith(() -> new NotFound("user", id))
                .call(user -> {
                    boolean losesAdmin = user.isAdmin() && user.active()
                            && (change.roles() != null && !change.roles().contains("admin")
                                    || User.DISABLED.equals(change.status()));
                    return losesAdmin ? requireAnotherAdmin(tenant) : Uni.createFrom().voidItem();
                })
                .call(user -> apply(user, actor, change, origin))
                .map(UserView::of);
    }

    private Uni<Void> apply(User user, String actor, UpdateUser change, Origin origin) {
        List<Uni<Void>> effects = new ArrayList<>();
        Map<String, Object> detail = new LinkedHashMap<>();
        if (change.displayName() != null && !change.displayName().equals(user.displayName)) {
            user.displayName = change.displayName().trim();
            detail.put("displayName", user.displayName);
        }
        if (change.roles() != null) {
            List<String> roles = new ArrayList<>(new TreeSet<>(change.roles()));
            if (!roles.equals(user.roles.stream().sorted().toList())) {
                Map<String, Object> roleDetail = Map.of("from", user.roles, "to", roles);
                user.roles = roles;
                effects.add(
                        audit.record(user.tenantId, AuditType.ROLES_CHANGED, actor, user.id.toString(), origin, roleDetail));
            }
        }
        if (change.status() != null && !change.status().equals(user.status)) {
            user.status = change.status();
            boolean disabled = User.DISABLED.equals(change.status());
            effects.add(audit.record(user.tenantId, disabled ? AuditType.USER_DISABLED : AuditType.USER_ENABLED, actor,
                    user.id.toString(), origin, Map.of()));
            if (disabled) {
                effects.add(sessions.endForDisabledUser(user.tenantId, user.id));
            }
        }
        if (!detail.isEmpty()) {
            effects.add(audit.record(user.tenantId, AuditType.USER_UPDATED, actor, user.id.toString(), origin, detail));
        }
        user.updatedAt = Instant.now();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Uni<Void> effect : effects) {
            chain = chain.chain(() -> effect);
        }
        return chain;
    }

    /** Deletes a user (and with it their sessions); never the last active administrator. */
    @WithTransaction
    public Uni<Void> delete(UUID tenant, String actor, UUID id, Origin origin) {
        return tenants.lock(tenant).chain(() -> users.find(tenant, id)).onItem().ifNull()
                .failWith(() -> new NotFound("user", id))
                .call(user -> user.isAdmin() && user.active() ? requireAnotherAdmin(tenant) : Uni.createFrom().voidItem())
                .call(user -> users.delete(user))
                .call(user -> audit.record(tenant, AuditType.USER_DELETED, actor, user.id.toString(), origin,
                        Map.of("email", user.email)))
                .replaceWithVoid();
    }

    private Uni<Void> requireAnotherAdmin(UUID tenant) {
        return users.countActiveAdmins(tenant).invoke(admins -> {
            if (admins <= 1) {
                throw new Conflict("This is the tenant's last active administrator: make another user admin first");
            }
        }).replaceWithVoid();
    }

    @WithTransaction
    public Uni<UserView> updateMe(UUID tenant, UUID id, String displayName, Origin origin) {
        return users.find(tenant, id).onItem().ifNull().failWith(() -> new NotFound("user", id))
                .call(user -> apply(user, id.toString(), new UpdateUser(displayName, null, null), origin))
                .map(UserView::of);
    }

    /** Changes the caller's password after checking the current one; every other session of the user ends. */
    public Uni<Void> changePassword(UUID tenant, UUID id, UUID currentSession, String current, String next, Origin origin) {
        return Panache.withSession(() -> users.find(tenant, id)).onItem().ifNull().failWith(() -> new NotFound("user", id))
                .call(user -> hasher.verify(current, user.passwordHash).invoke(matches -> {
                    if (!matches) {
                        throw new BadRequest("currentPassword", "is not correct");
                    }
                    policy.check("newPassword", next, user.email);
                    if (current.equals(next)) {
                        throw new BadRequest("newPassword", "must differ from the current password");
                    }
                }))
                .chain(user -> hasher.hash(next))
                .chain(hash -> Panache
                        .withTransaction(() -> users.find(tenant, id).onItem().ifNull().failWith(() -> new NotFound("user", id))
                                .call(user -> {
                                    user.passwordHash = hash;
                                    user.updatedAt = Instant.now();
                                    return sessions.endOthersAfterPasswordChange(tenant, id, currentSession);
                                })
                                .call(user -> audit.record(tenant, AuditType.PASSWORD_CHANGED, id.toString(), id.toString(),
                                        origin, Map.of()))))
                .replaceWithVoid();
    }
}
