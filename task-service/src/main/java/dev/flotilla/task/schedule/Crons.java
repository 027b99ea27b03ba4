package dev.flotilla.task.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.flotilla.common.error.BadRequest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** Unix cron expressions (cron-utils), evaluated in a time zone, daylight-saving changes included. */
final class Crons {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private Crons() {
    }

    static ExecutionTime parse(String cron) {
        try {
            return ExecutionTime.forCron(PARSER.parse(cron.strip()).validate());
        } catch (IllegalArgumentException e) {
            throw new BadRequest("cron", "not a five-field cron expression (" + e.getMessage() + ")");
        }
    }

    static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone.strip());
        } catch (DateTimeException e) {
            throw new BadRequest("timeZone", "'" + zone + "' is not a time zone such as Europe/Oslo");
        }
    }

    /** The first tick strictly after {@code after}. */
    static Instant next(ExecutionTime cron, ZoneId zone, Instant after) {
        Optional<ZonedDateTime> next = cron.nextExecution(after.atZone(zone));
        return next.map(ZonedDateTime::toInstant).orElseThrow(() -> new BadRequest("cron", "never fires"));
    }

    /** The last tick at or before {@code at}, if any. */
    static Optional<Instant> last(ExecutionTime cron, ZoneId zone, Instant at) {
        return cron.lastExecution(at.atZone(zone).plusNanos(1)).map(ZonedDateTime::toInstant);
    }
}
