package dev.flotilla.common.error;

/**
 * A failure of a client's input that says itself, in the API's words, what is wrong with the
 * field it names, so that the problem mappers need not know each such failure.
 */
public interface ExplainedToClients {

    /** Why the value was refused, e.g. {@code must not contain the character U+0000}. */
    String explanation();
}
