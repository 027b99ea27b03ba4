package dev.flotilla.conversation.export;

import dev.flotilla.common.error.BadRequest;

import java.util.Locale;

/** What an export is written as: the API's JSON, or Markdown for people to read. */
public enum ExportFormat {
    JSON("application/json", "json"),
    MARKDOWN("text/markdown; charset=utf-8", "md");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** {@code json} (the default) or {@code markdown}. */
    static ExportFormat of(String format) {
        if (format == null || format.equalsIgnoreCase("json")) {
            return JSON;
        }
        if (format.toLowerCase(Locale.ROOT).equals("markdown")) {
            return MARKDOWN;
        }
        throw new BadRequest("format", "must be json or markdown");
    }
}
