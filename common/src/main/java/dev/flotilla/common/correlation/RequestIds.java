package dev.flotilla.common.correlation;

import org.jboss.logging.MDC;

import java.util.regex.Pattern;

/**
 * The request id of the current request: taken from the caller's {@code X-Request-Id} when it
 * is a sane token, otherwise generated. It sits in the logging context (MDC key {@code requestId}),
 * so every log line of the request carries it, and outbound calls pass it on.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The id of the request being served, or {@code null} outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    /** Whether a caller-supplied id may be trusted into logs and headers as it is. */
    static boolean acceptable(String candidate) {
        return candidate != null && ACCEPTABLE.matcher(candidate).matches();
    }
}
