package dev.flotilla.search.ingest;

import java.util.List;

/** The outcome of an NDJSON import: documents written, lines refused, and why (the first 100 reasons). */
public record ImportReport(long imported, long failed, List<LineError> errors) {

    /** A refused line, numbered from 1. */
    public record LineError(long line, String message) {
    }
}
