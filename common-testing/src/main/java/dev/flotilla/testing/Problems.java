package dev.flotilla.testing;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.specification.ResponseSpecification;

import static org.hamcrest.Matchers.is;

/**
 * RFC 9457 problem responses as the suite answers them, to check with
 * {@code .then().spec(Problems.notFound())}: the status, {@code application/problem+json}, and the
 * stable {@code type} clients branch on.
 */
public final class Problems {

    /** The media type of every error answer. */
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:flotilla:problem:";

    private Problems() {
    }

    /** A problem with {@code status} and type {@code urn:flotilla:problem:<type>}. */
    public static ResponseSpecification problem(int status, String type) {
        return new ResponseSpecBuilder()
                .expectStatusCode(status)
                .expectContentType(PROBLEM_JSON)
                .expectBody("type", is(TYPE_PREFIX + type))
                .expectBody("status", is(status))
                .build();
    }

    public static ResponseSpecification badRequest() {
        return problem(400, "bad-request");
    }

    public static ResponseSpecification validationFailed() {
        return problem(400, "validation-failed");
    }

    public static ResponseSpecification malformedJson() {
        return problem(400, "malformed-json");
    }

    public static ResponseSpecification unauthorized() {
        return problem(401, "unauthorized");
    }

    public static ResponseSpecification forbidden() {
        return problem(403, "forbidden");
    }

    public static ResponseSpecification notFound() {
        return problem(404, "not-found");
    }

    public static ResponseSpecification methodNotAllowed() {
        return problem(405, "method-not-allowed");
    }

    public static ResponseSpecification conflict() {
        return problem(409, "conflict");
    }

    public static ResponseSpecification preconditionFailed() {
        return problem(412, "precondition-failed");
    }

    public static ResponseSpecification payloadTooLarge() {
        return problem(413, "payload-too-large");
    }

    public static ResponseSpecification unsupportedMediaType() {
        return problem(415, "unsupported-media-type");
    }

    public static ResponseSpecification unprocessable() {
        return problem(422, "unprocessable");
    }

    public static ResponseSpecification preconditionRequired() {
        return problem(428, "precondition-required");
    }

    public static ResponseSpecification tooManyRequests() {
        return problem(429, "too-many-requests");
    }

    public static ResponseSpecification serviceUnavailable() {
        return problem(503, "service-unavailable");
    }
}
