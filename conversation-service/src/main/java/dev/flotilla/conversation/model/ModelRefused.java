package dev.flotilla.conversation.model;

import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;

/**
 * The provider refused the request for what it asked (a 400, 413 or 422 of the provider: too long
 * a context, an invalid parameter): a 400 problem with the provider's message, as asking again the
 * same way cannot succeed.
 */
public class ModelRefused extends ProblemException {

    private final String provider;

    ModelRefused(String provider, String detail) {
        super(ProblemType.BAD_REQUEST, detail);
        this.provider = provider;
    }

    public String provider() {
        return provider;
    }
}
