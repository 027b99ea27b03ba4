package dev.flotilla.health.heartbeat;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.BadRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Heartbeats of push targets: the token a target's job proves itself with (issued by the registry when the target is
 * made, or rotated), each heartbeat it sends, and the last one, which the checker judges.
 */
@ApplicationScoped
public class HeartbeatService {

    static final int MAX_MESSAGE = 1000;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]");

    private final Db db;
    private final Clock clock;

    public HeartbeatService(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * A new token for push target {@code target} of {@code tenant}, in the transaction {@code tx} that made or changed
     * it; a token it had before stops working. Answers the token, which is not kept.
     */
    public Uni<String> issue(SqlClient tx, UUID tenant, UUID target) {
        String token = HeartbeatTokens.next();
        return HeartbeatSql.issue(tx, tenant, target, HeartbeatTokens.hash(token)).replaceWith(token);
    }

    /**
     * Records a heartbeat of push target {@code target} sent with {@code token}, reporting what {@code report} gives
     * (read once the token is known to be right, so that a stranger learns nothing from a malformed one): a status
     * ({@code up} when null) and a message. A wrong or missing token fails with {@link WrongHeartbeatToken}, whether
     * or not the target exists, so that nothing tells a stranger which ids are targets.
     */
    public Uni<Void> receive(UUID target, String token, Supplier<HeartbeatReport> report) {
        if (token == null || token.isEmpty()) {
            return Uni.createFrom().failure(new WrongHeartbeatToken("A heartbeat needs the target's heartbeat token"));
        }
        return HeartbeatSql.token(db.pool(), target).chain(found -> {
            if (found == null || !HeartbeatTokens.matches(token, found.hash())) {
                return Uni.createFrom().failure(new WrongHeartbeatToken("The heartbeat token is not this target's"));
            }
            HeartbeatReport given = report.get();
            boolean down = down(given.status());
            return HeartbeatSql.record(db.pool(), found.tenant(), target, now(), down, message(given.message()));
        });
    }

    /** The last heartbeat of the tenant's push target {@code target}; {@link Heartbeat#none} when none came. */
    public Uni<Heartbeat> last(UUID tenant, UUID target) {
        return HeartbeatSql.last(db.pool(), tenant, target);
    }

    private static boolean down(String status) {
        String given = status == null ? "up" : status.strip().toLowerCase(Locale.ROOT);
        return switch (given) {
            case "up" -> false;
            case "down" -> true;
            default -> throw new BadRequest("status", "must be up or down");
        };
    }

    private static String message(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        String stripped = message.strip();
        if (stripped.length() > MAX_MESSAGE) {
            throw new BadRequest("message", "must have at most " + MAX_MESSAGE + " characters");
        }
        if (CONTROL.matcher(stripped).find()) {
            throw new BadRequest("message", "must not hold control characters other than tabs and line breaks");
        }
        return stripped;
    }

    /** Microsecond precision, as PostgreSQL stores it. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
