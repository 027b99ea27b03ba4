package dev.flotilla.config.ofrep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.error.ProblemMappers;
import dev.flotilla.common.json.NulCharacterException;
import dev.flotilla.config.flag.FlagSnapshots;
import dev.flotilla.config.flag.FlagsConfig;
import dev.flotilla.config.targeting.ErrorCode;
import dev.flotilla.config.targeting.Evaluation;
import dev.flotilla.config.targeting.EvaluationContext;
import dev.flotilla.config.targeting.FlagSet;
import dev.flotilla.config.targeting.InvalidContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * OFREP's evaluations (OpenFeature Remote Evaluation Protocol, 0.3.0) of an environment's flags, kept in
 * memory by {@link FlagSnapshots}. The request body is read here, not by the REST layer, so that whatever is
 * wrong with it is answered in OFREP's terms: {@code PARSE_ERROR} for a body that is not an evaluation
 * request, {@code INVALID_CONTEXT} for a context that is not an object or whose {@code targetingKey} is not a
 * string. An environment the tenant does not have is a 404 naming it, in OFREP's error shape ({@code GENERAL}).
 */
@ApplicationScoped
public class OfrepService {

    static final String EVENTS_PATH = "/ofrep/v1/events";

    private final FlagSnapshots snapshots;
    private final ObjectMapper json;
    private final StreamTokens tokens;
    private final int inactivityDelay;

    public OfrepService(FlagSnapshots snapshots, ObjectMapper json, StreamTokens tokens, FlagsConfig config) {
        this.snapshots = snapshots;
        this.json = json;
        this.tokens = tokens;
        this.inactivityDelay = config.streamInactivityDelay();
    }

    /** The flag's evaluation for the body's context; an unknown flag is a 404, any other failure a 400. */
    public Uni<EvaluationSuccess> evaluate(OfrepScope scope, String key, byte[] body) {
        EvaluationContext context = context(key, body);
        return flags(scope, key, 0).map(set -> {
            Evaluation evaluation = set.evaluate(key, context, null);
            if (evaluation.failed()) {
                throw OfrepFailure.of(evaluation);
            }
            return EvaluationSuccess.of(evaluation);
        });
    }

    /**
     * Every flag of the environment for the body's context, with an ETag of the answer itself: the same
     * evaluations give the same ETag, and {@code ifNoneMatch} naming it is answered 304. {@code flagConfigEtag}
     * (sent after an event-stream signal) is the environment version the caller was told of: an older copy in
     * memory is read again first.
     */
    public Uni<BulkAnswer> evaluateAll(OfrepScope scope, byte[] body, String ifNoneMatch, String flagConfigEtag) {
        EvaluationContext context = context(null, body);
        return flags(scope, null, version(flagConfigEtag)).map(set -> {
            byte[] answer = write(bulk(scope, set, context));
            String etag = etag(answer);
            return matches(ifNoneMatch, etag) ? new BulkAnswer(etag, null) : new BulkAnswer(etag, answer);
        });
    }

    private Uni<FlagSet> flags(OfrepScope scope, String key, long atLeast) {
        return snapshots.current(scope.tenant(), scope.environment(), atLeast)
                .onFailure(NotFound.class).transform(e -> new OfrepFailure(404, key, ErrorCode.GENERAL,
                        "environment " + scope.environment() + " was not found", Map.of()));
    }

    private BulkEvaluation bulk(OfrepScope scope, FlagSet set, EvaluationContext context) {
        List<Evaluation> evaluations = set.evaluateAll(context);
        List<Object> flags = new ArrayList<>(evaluations.size());
        for (Evaluation evaluation : evaluations) {
            flags.add(evaluation.failed() ? EvaluationFailure.of(evaluation) : EvaluationSuccess.of(evaluation));
        }
        BulkEvaluation.EventStream stream = new BulkEvaluation.EventStream("sse",
                new BulkEvaluation.Endpoint(EVENTS_PATH + "?channel=" + tokens.issue(scope)), inactivityDelay);
        return new BulkEvaluation(flags, List.of(stream), Map.of());
    }

    private EvaluationContext context(String key, byte[] body) {
        EvaluationRequest request = read(key, body);
        if (request.context() == null) {
            throw OfrepFailure.badRequest(key, ErrorCode.INVALID_CONTEXT, "context is required: {\"context\": {...}}");
        }
        try {
            return EvaluationContext.of(request.context(), Instant.now());
        } catch (InvalidContext e) {
            throw OfrepFailure.badRequest(key, ErrorCode.INVALID_CONTEXT, e.getMessage());
        }
    }

    private EvaluationRequest read(String key, byte[] body) {
        try {
            EvaluationRequest request = body.length == 0 ? null : json.readValue(body, EvaluationRequest.class);
            if (request == null) {
                throw OfrepFailure.badRequest(key, ErrorCode.PARSE_ERROR,
                        "The body is an evaluation request: {\"context\": {...}}");
            }
            return request;
        } catch (NulCharacterException e) {
            throw OfrepFailure.badRequest(key, ErrorCode.INVALID_CONTEXT, e.field() + ": " + e.explanation());
        } catch (UnrecognizedPropertyException e) {
            throw OfrepFailure.badRequest(key, ErrorCode.PARSE_ERROR,
                    "Unknown member '" + ProblemMappers.jsonPath(e) + "'; an evaluation request has only context");
        } catch (MismatchedInputException e) {
            String field = ProblemMappers.jsonPath(e);
            throw field.startsWith("context")
                    ? OfrepFailure.badRequest(key, ErrorCode.INVALID_CONTEXT, "context must be an object")
                    : OfrepFailure.badRequest(key, ErrorCode.PARSE_ERROR,
                            "The body is an evaluation request: {\"context\": {...}}");
        } catch (JsonMappingException e) {
            throw OfrepFailure.badRequest(key, ErrorCode.PARSE_ERROR, "The body is not an evaluation request");
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw OfrepFailure.badRequest(key, ErrorCode.PARSE_ERROR, "The body is not valid JSON"
                    + (location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] write(BulkEvaluation bulk) {
        try {
            return json.writeValueAsBytes(bulk);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version a stream signal named, or 0 for none (or one that is not a version). */
    private static long version(String flagConfigEtag) {
        if (flagConfigEtag == null) {
            return 0;
        }
        try {
            return Long.parseLong(flagConfigEtag.replace("\"", "").strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A strong ETag of the answer's bytes: the first 128 bits of their SHA-256, base64url. */
    private static String etag(byte[] answer) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(answer);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            tag = tag.startsWith("W/") ? tag.substring(2) : tag;
            if (tag.equals("*") || tag.equals(etag) || ("\"" + tag + "\"").equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
