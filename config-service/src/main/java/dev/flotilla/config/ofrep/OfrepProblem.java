package dev.flotilla.config.ofrep;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * The body of an OFREP error answer: OFREP's members ({@code key}, {@code errorCode}, {@code errorDetails},
 * {@code metadata}) in an RFC 9457 problem, served as {@code application/problem+json}, so that OpenFeature
 * providers read it as OFREP's failure (they parse any JSON body) and the suite's clients as its problem.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfrepProblem(String type, String title, int status, String detail, String instance, String requestId,
        String key, String errorCode, String errorDetails, Map<String, Object> metadata) {
}
