package dev.flotilla.config.ofrep;

/** A bulk evaluation as it is sent: its JSON and ETag, or no JSON when the caller's ETag is current (304). */
public record BulkAnswer(String etag, byte[] json) {

    public boolean notModified() {
        return json == null;
    }
}
