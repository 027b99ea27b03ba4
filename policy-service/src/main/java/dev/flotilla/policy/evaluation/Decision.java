package dev.flotilla.policy.evaluation;

/** The answer to an authorization question. */
public enum Decision {
    ALLOW,
    DENY
}
