package dev.flotilla.policy.decision;

import dev.flotilla.policy.evaluation.DecisionOutcome;

import java.util.List;

/** The answers of a batch, in the order of the questions. */
public record BatchResult(List<DecisionOutcome> results) {
}
