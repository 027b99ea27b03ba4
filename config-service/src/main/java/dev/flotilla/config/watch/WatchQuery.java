package dev.flotilla.config.watch;

import dev.flotilla.common.error.BadRequest;

import java.time.Duration;

/**
 * The watch parameters of a read: {@code index}, the namespace index the caller holds (null: answer at once),
 * {@code hold}, how long to hold the read while the index is still that one (capped), and {@code changed}, whether to
 * answer only what changed after {@code index}.
 */
public record WatchQuery(Long index, Duration hold, boolean changed) {

    /** The parameters as given in the query string; a 400 naming the one that is malformed. */
    public static WatchQuery parse(String index, String wait, String changed, Duration defaultWait, Duration maxWait) {
        Long seen = index == null ? null : index(index);
        Duration held = wait == null ? defaultWait : WaitTime.parse("wait", wait);
        if (held.compareTo(maxWait) > 0) {
            held = maxWait;
        }
        return new WatchQuery(seen, held, changed != null && flag(changed));
    }

    /** Whether a read at {@code current} is held: only while the namespace is still at the index the caller holds. */
    public boolean holds(long current) {
        return index != null && index == current && !hold.isZero();
    }

    /** The index after which changes are listed for {@code changed}: the caller's, or from the first revision. */
    public long changedAfter() {
        return index == null ? 0 : index;
    }

    private static long index(String text) {
        try {
            long index = Long.parseLong(text);
            if (index >= 0) {
                return index;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadRequest("index", "must be a namespace index (a whole number, 0 or more)");
    }

    private static boolean flag(String text) {
        return switch (text) {
            case "true", "" -> true;
            case "false" -> false;
            default -> throw new BadRequest("changed", "must be true or false");
        };
    }
}
