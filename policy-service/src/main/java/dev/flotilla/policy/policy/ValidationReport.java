package dev.flotilla.policy.policy;

import dev.flotilla.policy.evaluation.CompilationError;

import java.util.List;

/** The answer of {@code POST /api/v1/policies/validate}: whether the rules compile, and if not, why. */
public record ValidationReport(boolean valid, List<CompilationError> errors) {
}
