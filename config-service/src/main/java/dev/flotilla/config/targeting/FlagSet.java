package dev.flotilla.config.targeting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The flags of one tenant's environment and the tenant's segments, as of one version of that environment:
 * what evaluations read, immutable, shared by every request until the environment changes. A stored flag
 * that no longer passes {@link Definitions} (it did when it was saved) is kept as {@code unreadable}: it
 * answers {@link ErrorCode#PARSE_ERROR} instead of failing the whole environment.
 */
public final class FlagSet {

    private final long version;
    private final Map<String, Flag> flags;
    private final Map<String, String> unreadable;
    private final Map<String, Segment> segments;

    /** {@code flags} in the order bulk evaluations list them; {@code unreadable}: key → what is wrong with it. */
    public FlagSet(long version, Map<String, Flag> flags, Map<String, String> unreadable, Map<String, Segment> segments) {
        this.version = version;
        this.flags = flags;
        this.unreadable = unreadable;
        this.segments = segments;
    }

    /** The environment's version: it grows with every change of a flag in it or of a segment of the tenant. */
    public long version() {
        return version;
    }

    public Evaluation evaluate(String key, EvaluationContext context, FlagType expected) {
        Flag flag = flags.get(key);
        if (flag != null) {
            return flag.evaluate(context, segments, expected);
        }
        String problem = unreadable.get(key);
        return problem == null ? Evaluation.notFound(key) : unreadable(key, problem);
    }

    public List<Evaluation> evaluateAll(EvaluationContext context) {
        List<Evaluation> evaluations = new ArrayList<>(flags.size() + unreadable.size());
        for (Flag flag : flags.values()) {
            evaluations.add(flag.evaluate(context, segments, null));
        }
        unreadable.forEach((key, problem) -> evaluations.add(unreadable(key, problem)));
        return evaluations;
    }

    private static Evaluation unreadable(String key, String problem) {
        return Evaluation.failure(key, ErrorCode.PARSE_ERROR, "Flag '" + key + "' cannot be read: " + problem, Map.of());
    }
}
