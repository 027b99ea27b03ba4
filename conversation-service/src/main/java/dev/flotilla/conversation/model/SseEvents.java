package dev.flotilla.conversation.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a Server-Sent Events body, as it arrives in arbitrary pieces, into the {@code data} of its
 * events. Lines are split on bytes, so a character cut between two pieces is decoded whole; an
 * event ends at a blank line, its {@code data:} lines joined by newlines; comments and other
 * fields are skipped.
 */
final class SseEvents {

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;

    /** The data of the events completed by these bytes. */
    List<String> feed(byte[] bytes) {
        List<String> events = new ArrayList<>();
        for (byte b : bytes) {
            if (b == '\n') {
                endLine(events);
            } else {
                line.write(b);
            }
        }
        return events;
    }

    /** The data of an event the body ended without a blank line after. */
    List<String> finish() {
        List<String> events = new ArrayList<>();
        if (line.size() > 0) {
            endLine(events);
        }
        dispatch(events);
        return events;
    }

    private void endLine(List<String> events) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            dispatch(events);
        } else if (text.startsWith("data:")) {
            String value = text.substring(5);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (hasData) {
                data.append('\n');
            }
            data.append(value);
            hasData = true;
        }
    }

    private void dispatch(List<String> events) {
        if (hasData) {
            events.add(data.toString());
            data.setLength(0);
            hasData = false;
        }
    }
}
