package dev.flotilla.auth.session;

import dev.flotilla.auth.audit.AuditLog;
import dev.flotilla.auth.audit.AuditType;
import dev.flotilla.auth.config.AuthConfig;
import dev.flotilla.auth.password.PasswordHasher;
import dev.flotilla.auth.secret.Secrets;
import dev.flotilla.auth.tenant.Tenant;
import dev.flotilla.auth.tenant.TenantService;
import dev.flotilla.auth.throttle.LockedOut;
import dev.flotilla.auth.throttle.LoginThrottle;
import dev.flotilla.auth.token.AccessTokens;
import dev.flotilla.auth.token.TokenPair;
import dev.flotilla.auth.user.User;
import dev.flotilla.auth.user.UserService;
import dev.flotilla.auth.web.Origin;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Login sessions and their tokens: login (with brute-force protection), refresh-token rotation with
 * reuse detection, logout, and the user's view of their sessions.
 */
@Singleton // no client proxy: used on every refresh
public class SessionService {

    public static final String REASON_LOGOUT = "logout";
    public static final String REASON_LOGOUT_ALL = "logout-all";
    public static final String REASON_REUSE = "refresh-token-reuse";
    public static final String REASON_PASSWORD = "password-changed";
    public static final String REASON_REVOKED = "revoked";
    public static final String REASON_DISABLED = "user-disabled";

    /**
     * How precisely a session's last use is kept: a refresh within this time of the recorded last use
     * leaves it as it is, so that a busy session is not rewritten on every refresh.
     */
    public static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final TenantService tenants;
    private final UserService users;
    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AccessTokens accessTokens;
    private final AuditLog audit;
    private final AuthConfig config;

    public SessionService(TenantService tenants, UserService users, SessionRepository sessions,
            RefreshTokenRepository refreshTokens, PasswordHasher hasher, LoginThrottle throttle,
            AccessTokens accessTokens, AuditLog audit, AuthConfig config) {
        this.tenants = tenants;
        this.users = users;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.throttle = throttle;
        this.accessTokens = accessTokens;
        this.audit = audit;
        this.config = config;
    }

    private record LoginTarget(Tenant tenant, User user) {
    }

    /** Checks the credentials and opens a session; the same 401 whatever was wrong, 429 while locked out. */
    public Uni<TokenPair> login(String tenantSlug, String rawEmail, String password, Origin origin) {
        String slug = tenantSlug.trim().toLowerCase(Locale.ROOT);
        String email = rawEmail.trim().toLowerCase(Locale.ROOT);
        String accountKey = LoginThrottle.accountKey(slug, email);
        String addressKey = LoginThrottle.addressKey(origin.address());
        return throttle.check(accountKey, addressKey)
                .onFailure(LockedOut.class).call(() -> auditAttempt(slug, email, AuditType.LOGIN_LOCKED, "locked-out", origin))
                .chain(() -> Panache.withSession(() -> tenants.findBySlug(slug)
                        .chain(tenant -> tenant == null
                                ? Uni.createFrom().item(new LoginTarget(null, null))
                                : users.findByEmail(tenant.id, email).map(user -> new LoginTarget(tenant, user)))))
                .chain(target -> hasher.verify(password, target.user() == null ? null : target.user().passwordHash)
                        .chain(matches -> {
                            if (matches && target.user().active()) {
                                return throttle.succeeded(accountKey).chain(() -> open(target.user(), origin));
                            }
                            String reason = target.user() == null ? "unknown-account"
                                    : matches ? "user-disabled" : "wrong-password";
                            return throttle.failed(accountKey, addressKey)
                                    .chain(() -> auditAttempt(slug, email, AuditType.LOGIN_FAILED, reason, origin))
                                    .chain(() -> Uni.createFrom().failure(invalidCredentials()));
                        }));
    }

    /** Opens a session for a user whose credentials were checked (login, registration). */
    public Uni<TokenPair> open(User user, Origin origin) {
        return Panache.withTransaction(() -> {
            Instant now = Instant.now();
            LoginSession session = new LoginSession();
            session.id = Ids.next();
            session.tenantId = user.tenantId;
            session.userId = user.id;
            session.clientAddress = origin.address();
            session.userAgent = origin.userAgent();
            session.createdAt = now;
            session.lastUsedAt = now;
            session.expiresAt = now.plus(config.tokens().refreshTtl());
            return sessions.persist(session)
                    .chain(() -> newRefreshToken(session, now))
                    .call(() -> audit.record(user.tenantId, AuditType.LOGIN_SUCCEEDED, user.id.toString(), user.id.toString(),
                            origin, Map.of("session", session.id.toString())))
                    .map(refresh -> pair(user.id, user.tenantId, user.roles, session.id, refresh));
        });
    }

    /**
     * Rotates a refresh token: the presented one is marked used and a new pair issued, in one
     * statement ({@link RefreshTokenRepository#rotate}); the access token is signed after the
     * database work, holding no connection. A token that was already used (a replay, or the losing
     * side of two concurrent refreshes) ends its session. {@code clientId} is the authenticated
     * client presenting the token (null without one): a token issued to a client is refused to any
     * other caller, and the successor is issued to the presenting client.
     */
    public Uni<TokenPair> refresh(String presented, String clientId, Origin origin) {
        String presentedHash = Secrets.hash(presented);
        String successor = Secrets.generate();
        Instant now = Instant.now();
        return refreshTokens
                .rotate(presentedHash, Secrets.hash(successor), now, now.minus(LAST_USED_RESOLUTION), clientId, origin)
                .chain(rotated -> rotated == null
                        ? refused(presentedHash, origin)
                        : Uni.createFrom().item(
                                pair(rotated.userId(), rotated.tenantId(), rotated.roles(), rotated.sessionId(), successor)));
    }

    /** Why a refresh was refused; a used token of a live session is reuse, which ends the session. */
    private Uni<TokenPair> refused(String presentedHash, Origin origin) {
        return Panache
                .withTransaction(() -> refreshTokens.findByHash(presentedHash)
                        .chain(token -> token == null || token.usedAt == null
                                ? Uni.createFrom().voidItem()
                                : sessions.findById(token.sessionId)
                                        .chain(session -> session == null || !session.live(Instant.now())
                                                ? Uni.createFrom().voidItem()
                                                : reuse(session, origin))))
                .chain(() -> Uni.createFrom().failure(
                        new ProblemException(ProblemType.UNAUTHORIZED,
                                "The refresh token is invalid, expired or already used")));
    }

    private Uni<Void> reuse(LoginSession session, Origin origin) {
        return sessions.revoke(session.tenantId, session.id, REASON_REUSE, Instant.now())
                .chain(() -> audit.record(session.tenantId, AuditType.REFRESH_TOKEN_REUSED, null, session.userId.toString(),
                        origin, Map.of("session", session.id.toString())));
    }

    /** A refresh token that may still be used, as token introspection describes it; {@code clientId} may be null. */
    public record ActiveRefreshToken(UUID tenantId, UUID userId, UUID sessionId, String clientId, Instant issuedAt,
            Instant expiresAt) {
    }

    /** The presented refresh token if it is unused and unexpired and its session live; null otherwise. */
    @WithSession
    public Uni<ActiveRefreshToken> findActive(String presented) {
        return refreshTokens.findByHash(Secrets.hash(presented)).chain(refresh -> {
            Instant now = Instant.now();
            if (refresh == null || refresh.usedAt != null || !refresh.expiresAt.isAfter(now)) {
                return Uni.createFrom().nullItem();
            }
            return sessions.findById(refresh.sessionId).map(session -> session == null || !session.live(now) ? null
                    : new ActiveRefreshToken(session.tenantId, session.userId, session.id, refresh.clientId,
                            refresh.createdAt, refresh.expiresAt));
        });
    }

    /** Ends the session a refresh token belongs to (RFC 7009); unknown tokens are ignored. */
    @WithTransaction
    public Uni<Void> revokeByRefreshToken(String presented, Origin origin) {
        return refreshTokens.findByHash(Secrets.hash(presented)).chain(token -> token == null
                ? Uni.createFrom().voidItem()
                : sessions.findById(token.sessionId)
                        .chain(session -> endSession(session, REASON_REVOKED, AuditType.SESSION_REVOKED,
                                session.userId.toString(), origin)));
    }

    /** Logs out the session the caller's token belongs to. */
    @WithTransaction
    public Uni<Void> logout(UUID tenant, UUID user, UUID session, Origin origin) {
        if (session == null) {
            return Uni.createFrom().voidItem();
        }
        return sessions.find(tenant, user, session)
                .chain(found -> found == null ? Uni.createFrom().voidItem()
                        : endSession(found, REASON_LOGOUT, AuditType.LOGOUT, user.toString(), origin));
    }

    /** Logs out every session of the caller. */
    @WithTransaction
    public Uni<Void> logoutAll(UUID tenant, UUID user, Origin origin) {
        return sessions.revokeAll(tenant, user, null, REASON_LOGOUT_ALL, Instant.now())
                .chain(count -> audit.record(tenant, AuditType.LOGOUT_ALL, user.toString(), user.toString(), origin,
                        Map.of("sessions", count)));
    }

    @WithSession
    public Uni<Page<SessionView>> list(UUID tenant, UUID user, UUID current, PageParams page) {
        return sessions.livePage(tenant, user, page, Instant.now())
                .map(rows -> Page.fromOverfetch(rows, page.limit(), s -> Cursor.of(s.id)).map(s -> SessionView.of(s, current)));
    }

    /** Ends one of the caller's own sessions; another user's or tenant's session is not found. */
    @WithTransaction
    public Uni<Void> end(UUID tenant, UUID user, UUID id, Origin origin) {
        return sessions.find(tenant, user, id).chain(session -> {
            if (session == null || !session.live(Instant.now())) {
                return Uni.createFrom().failure(new NotFound("session", id));
            }
            return endSession(session, REASON_REVOKED, AuditType.SESSION_REVOKED, user.toString(), origin);
        });
    }

    private Uni<Void> endSession(LoginSession session, String reason, String auditType, String actor, Origin origin) {
        return sessions.revoke(session.tenantId, session.id, reason, Instant.now())
                .chain(revoked -> revoked
                        ? audit.record(session.tenantId, auditType, actor, session.userId.toString(), origin,
                                Map.of("session", session.id.toString()))
                        : Uni.createFrom().voidItem());
    }

    private Uni<String> newRefreshToken(LoginSession session, Instant now) {
        String secret = Secrets.generate();
        RefreshToken token = new RefreshToken();
        token.id = Ids.next();
        token.tenantId = session.tenantId;
        token.sessionId = session.id;
        token.tokenHash = Secrets.hash(secret);
        token.createdAt = now;
        token.expiresAt = session.expiresAt;
        return refreshTokens.persist(token).replaceWith(secret);
    }

    private TokenPair pair(UUID user, UUID tenant, Collection<String> roles, UUID session, String refresh) {
        AccessTokens.Issued access = accessTokens.forUser(user, tenant, roles, session);
        return new TokenPair(access.token(), refresh, "Bearer", access.expiresIn());
    }

    /** Audits a login attempt in the named tenant, if it exists (an unknown tenant has no trail to write to). */
    private Uni<Void> auditAttempt(String slug, String email, String type, String reason, Origin origin) {
        return Panache.withTransaction(() -> tenants.findBySlug(slug).chain(tenant -> tenant == null
                ? Uni.createFrom().voidItem()
                : audit.record(tenant.id, type, null, email, origin, Map.of("reason", reason))));
    }

    private static ProblemException invalidCredentials() {
        return new ProblemException(ProblemType.UNAUTHORIZED, "The tenant, e-mail or password is not correct");
    }
}
