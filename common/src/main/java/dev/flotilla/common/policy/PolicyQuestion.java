package dev.flotilla.common.policy;

import dev.flotilla.common.identity.Caller;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One authorization question for policy-service: may the subject do the action to the resource,
 * given the context? The fields are those of {@code POST /api/v1/decisions}, flattened. The
 * tenant is not part of the question: policy-service takes it from the token of the call, and
 * {@link PolicyClient} from the same {@link Caller}.
 * <p>
 * A question is a value (it is the decision cache's key): lists and maps are copied when it is
 * made, and their contents should not be changed afterwards. {@code resourceId} may be null
 * (a question about creating a resource has none); absent lists and maps become empty.
 */
public record PolicyQuestion(String subjectId, List<String> roles, Map<String, Object> subjectAttributes,
        String action, String resourceType, String resourceId,
        Map<String, Object> resourceAttributes, Map<String, Object> context) {

    public PolicyQuestion {
        subjectId = required(subjectId, "subjectId");
        action = required(action, "action");
        resourceType = required(resourceType, "resourceType");
        roles = roles == null ? List.of() : List.copyOf(roles);
        subjectAttributes = snapshot(subjectAttributes);
        resourceAttributes = snapshot(resourceAttributes);
        context = snapshot(context);
    }

    /**
     * The usual question: may the caller (its subject and roles, sorted so that the same roles
     * always make the same question) do {@code action} to the resource {@code type}/{@code id}
     * with these attributes (e.g. {@code ownerId})? Add context with {@link #withContext}.
     */
    public static PolicyQuestion of(Caller caller, String action, String type, String id, Map<String, Object> attributes) {
        List<String> roles = new ArrayList<>(new TreeSet<>(caller.roles()));
        return new PolicyQuestion(caller.subject(), roles, Map.of(), action, type, id, attributes, Map.of());
    }

    /** The same question with this context (plan, counts, client address ...), which conditions see as {@code context}. */
    public PolicyQuestion withContext(Map<String, Object> context) {
        return new PolicyQuestion(subjectId, roles, subjectAttributes, action, resourceType, resourceId, resourceAttributes,
                context);
    }

    /** The same question with these subject attributes, which conditions see as {@code subject.attributes}. */
    public PolicyQuestion withSubjectAttributes(Map<String, Object> attributes) {
        return new PolicyQuestion(subjectId, roles, attributes, action, resourceType, resourceId, resourceAttributes, context);
    }

    private static String required(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** An unmodifiable copy; unlike {@code Map.copyOf} it keeps null values, which JSON attributes may hold. */
    private static Map<String, Object> snapshot(Map<String, Object> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
