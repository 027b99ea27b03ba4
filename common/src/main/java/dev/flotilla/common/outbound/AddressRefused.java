package dev.flotilla.common.outbound;

/** A host that resolves to no address the {@link AddressGuard} permits; the message says why. */
public final class AddressRefused extends RuntimeException {

    public AddressRefused(String message) {
        // No stack trace: an expected answer about the target, not a fault of the service.
        super(message, null, false, false);
    }
}
