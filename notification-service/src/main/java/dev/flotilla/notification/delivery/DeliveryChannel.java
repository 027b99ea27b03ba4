package dev.flotilla.notification.delivery;

import io.smallrye.mutiny.Uni;

/**
 * One way of sending a delivery (a webhook; e-mail next). The worker claims due deliveries of every channel that has
 * an implementation, hands each to its channel outside any transaction, and records what it answers. An
 * implementation is a CDI bean; it never fails its {@code Uni}: whatever goes wrong is an {@link AttemptResult}.
 */
public interface DeliveryChannel {

    /** The {@code channel} of the deliveries it sends ({@code webhook}, {@code email}). */
    String channel();

    /** Makes one attempt at {@code delivery}. */
    Uni<AttemptResult> send(ClaimedDelivery delivery);
}
