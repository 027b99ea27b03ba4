package dev.flotilla.health.heartbeat;

/** A heartbeat whose token is missing or not its target's: a 401 problem, with {@code WWW-Authenticate: Bearer}. */
public class WrongHeartbeatToken extends RuntimeException {

    WrongHeartbeatToken(String detail) {
        // No stack trace: an answer to the client, not a fault of the service.
        super(detail, null, false, false);
    }
}
