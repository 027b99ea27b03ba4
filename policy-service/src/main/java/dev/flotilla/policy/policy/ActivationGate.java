package dev.flotilla.policy.policy;

import io.smallrye.mutiny.Uni;

/**
 * What a version must pass before it becomes the one in force. The policy's stored tests
 * implement it; owned here so that policies do not depend on the tests written for them.
 */
public interface ActivationGate {

    /**
     * Fails with a problem when {@code version} of {@code policy} may not become active; runs in
     * the caller's session.
     */
    Uni<Void> requirePassing(Policy policy, PolicyVersion version);
}
