package dev.flotilla.notification.preference;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Quiet hours as the API shows them: wall-clock times {@code HH:mm}, crossing midnight when {@code end} is earlier. */
public record QuietWindow(
        @NotNull @Pattern(regexp = TIME, message = "must be a time HH:mm") String start,
        @NotNull @Pattern(regexp = TIME, message = "must be a time HH:mm") String end) {

    static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";
}
