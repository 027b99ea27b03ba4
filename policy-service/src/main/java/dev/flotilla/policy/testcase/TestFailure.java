package dev.flotilla.policy.testcase;

import dev.flotilla.policy.evaluation.Decision;

import java.util.List;
import java.util.UUID;

/** A stored test that a policy version does not pass. */
public record TestFailure(UUID testId, String name, Decision expected, Decision actual, List<String> reasons) {

    public String describe() {
        return "'" + name + "' expects " + expected + " but the version decides " + actual;
    }
}
