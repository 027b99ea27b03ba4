package dev.flotilla.conversation.model;

/**
 * How one attempt at a provider failed, before it is judged: retried, counted by the breaker, and
 * finally turned into a problem by {@link ModelClient}.
 */
class UpstreamFailure extends RuntimeException {

    UpstreamFailure(String message) {
        super(message, null, false, false);
    }

    /** The provider answered with a status other than 2xx. */
    static final class Status extends UpstreamFailure {

        private final int status;
        private final String retryAfter;

        Status(int status, String retryAfter, String message) {
            super(message);
            this.status = status;
            this.retryAfter = retryAfter;
        }

        int status() {
            return status;
        }

        /** The provider's {@code Retry-After} header, or null. */
        String retryAfter() {
            return retryAfter;
        }

        /** Overload or a fault on the provider's side, which a later attempt may not meet. */
        boolean transientFailure() {
            return status == 408 || status == 429 || status >= 500;
        }
    }

    /** Nothing arrived within the first-byte timeout, or the stream fell silent for the idle timeout. */
    static final class Timeout extends UpstreamFailure {

        Timeout(String message) {
            super(message);
        }
    }

    /** A 2xx answer that is not the Chat Completions format, or an error event inside a stream. */
    static final class BadAnswer extends UpstreamFailure {

        BadAnswer(String message) {
            super(message);
        }
    }
}
