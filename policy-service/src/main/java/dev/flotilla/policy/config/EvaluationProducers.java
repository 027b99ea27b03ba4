package dev.flotilla.policy.config;

import dev.flotilla.policy.evaluation.PolicyCompiler;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the framework-free evaluation classes available for injection. */
public class EvaluationProducers {

    /** One CEL environment for the whole service: building it is costly, using it is thread-safe. */
    @Produces
    @Singleton
    PolicyCompiler policyCompiler() {
        return new PolicyCompiler();
    }
}
