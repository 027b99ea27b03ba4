package dev.flotilla.common.identity;

/** The roles of the suite, carried in the token's {@code groups} claim. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String MEMBER = "member";
    public static final String VIEWER = "viewer";
    /** Another service of the suite, authenticated with the client-credentials grant. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
