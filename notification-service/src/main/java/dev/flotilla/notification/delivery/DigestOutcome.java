package dev.flotilla.notification.delivery;

import java.util.Map;
import java.util.UUID;

/**
 * What one attempt at a digest came to: the e-mail's {@code result}, which every member delivery records, but those the
 * recipient turned off since they were collected ({@code skipped}: delivery id → why), which are SKIPPED.
 */
public record DigestOutcome(AttemptResult result, Map<UUID, String> skipped) {

    public DigestOutcome {
        skipped = Map.copyOf(skipped);
    }

    public static DigestOutcome of(AttemptResult result) {
        return new DigestOutcome(result, Map.of());
    }
}
