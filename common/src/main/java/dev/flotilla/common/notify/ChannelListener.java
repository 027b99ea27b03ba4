package dev.flotilla.common.notify;

/** What a component does with one PostgreSQL notification channel. */
public interface ChannelListener {

    /** A notification arrived, with its payload (possibly empty). */
    void notified(String payload);

    /**
     * The channel is (again) being listened to. Anything announced while it was not has been
     * missed, so a cache should drop what it holds and a waiter should look again.
     */
    default void subscribed() {
    }

    /** The connection dropped; notifications are missed until {@link #subscribed()} comes again. */
    default void interrupted() {
    }
}
