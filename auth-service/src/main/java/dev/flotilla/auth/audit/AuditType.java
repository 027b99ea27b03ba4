package dev.flotilla.auth.audit;

/** The event types auth-service records itself. Other services record their own types through the API. */
public final class AuditType {
    public static final String LOGIN_SUCCEEDED = "auth.login.succeeded";
    public static final String LOGIN_FAILED = "auth.login.failed";
    public static final String LOGIN_LOCKED = "auth.login.locked";
    /** An authenticated caller was refused (403): the "unauthorized access" of the trail. */
    public static final String ACCESS_DENIED = "auth.access.denied";
    public static final String LOGOUT = "auth.logout";
    public static final String LOGOUT_ALL = "auth.logout-all";
    public static final String SESSION_REVOKED = "auth.session.revoked";
    public static final String TOKEN_REFRESHED = "auth.token.refreshed";
    public static final String REFRESH_TOKEN_REUSED = "auth.token.reuse-detected";
    public static final String TENANT_REGISTERED = "auth.tenant.registered";
    public static final String PASSWORD_CHANGED = "auth.user.password-changed";
    public static final String USER_CREATED = "auth.user.created";
    public static final String USER_UPDATED = "auth.user.updated";
    public static final String USER_DISABLED = "auth.user.disabled";
    public static final String USER_ENABLED = "auth.user.enabled";
    public static final String USER_DELETED = "auth.user.deleted";
    public static final String ROLES_CHANGED = "auth.user.roles-changed";
    public static final String KEYS_ROTATED = "auth.keys.rotated";
    public static final String CLIENT_CREATED = "auth.client.created";
    public static final String CLIENT_DELETED = "auth.client.deleted";
    public static final String CLIENT_SECRET_ROTATED = "auth.client.secret-rotated";

    private AuditType() {
    }
}
