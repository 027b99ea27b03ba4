package dev.flotilla.config.segment;

/** A segment as a put left it, and whether the put created it. */
public record SegmentChanged(boolean created, SegmentView segment) {
}
