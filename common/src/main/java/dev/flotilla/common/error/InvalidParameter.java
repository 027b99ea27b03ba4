package dev.flotilla.common.error;

import jakarta.ws.rs.BadRequestException;

/**
 * A path or query parameter that cannot be converted to its type. A JAX-RS exception on purpose:
 * the REST layer passes those through from a converter unchanged (anything else it turns into a
 * bare 404), and {@link ProblemMappers} reports the parameter by name.
 */
public class InvalidParameter extends BadRequestException {

    private final String parameter;

    public InvalidParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
