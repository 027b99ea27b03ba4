package dev.flotilla.notification.template;

import java.util.List;

/** A template rendered with sample data, and the references to data the sample lacks (rendered as nothing). */
public record Preview(Rendered rendered, List<String> missingData) {
}
