package dev.flotilla.config.watch;

/**
 * One message of a namespace's event stream: a revision, with the namespace index it made as the event id, or a
 * keep-alive comment when {@code revision} is null.
 */
public record StreamEvent(RevisionEvent revision) {

    /** The name of every revision's event. */
    public static final String CHANGE = "change";

    static final StreamEvent KEEP_ALIVE = new StreamEvent(null);

    public boolean isComment() {
        return revision == null;
    }

    public String id() {
        return Long.toString(revision.index());
    }
}
