package dev.flotilla.notification.delivery;

import io.smallrye.mutiny.Uni;

/**
 * How a digest is sent (one e-mail listing its events). The {@link DigestWorker} claims due digests, hands each to it
 * outside any transaction, and records what it answers on the digest and on every member delivery. An implementation
 * is a CDI bean; it never fails its {@code Uni}: whatever goes wrong is an {@link AttemptResult}.
 */
public interface DigestChannel {

    /** Makes one attempt at {@code digest}. */
    Uni<DigestOutcome> send(ClaimedDigest digest);
}
