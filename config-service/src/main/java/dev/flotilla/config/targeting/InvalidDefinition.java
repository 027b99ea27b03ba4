package dev.flotilla.config.targeting;

import java.util.List;
import java.util.stream.Collectors;

/** A flag or segment that cannot be saved, with every problem found in it. */
public final class InvalidDefinition extends RuntimeException {

    private final List<Violation> violations;

    public InvalidDefinition(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")), null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
