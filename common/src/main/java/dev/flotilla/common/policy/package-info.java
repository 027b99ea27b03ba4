/**
 * Asking policy-service for authorization decisions: {@link dev.flotilla.common.policy.PolicyClient}
 * with {@link dev.flotilla.common.policy.PolicyQuestion} and {@link dev.flotilla.common.policy.PolicyAnswer}.
 * The REST client and its timeout, retry and circuit breaker are internal to this package.
 */
package dev.flotilla.common.policy;
