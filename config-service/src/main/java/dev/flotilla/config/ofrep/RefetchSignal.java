package dev.flotilla.config.ofrep;

/**
 * The data of an OFREP event-stream message: {@code refetchEvaluation}, with the environment's version as
 * {@code etag}, which providers send back as {@code flagConfigEtag}.
 */
public record RefetchSignal(String type, String etag) {

    static RefetchSignal of(long version) {
        return new RefetchSignal("refetchEvaluation", Long.toString(version));
    }
}
