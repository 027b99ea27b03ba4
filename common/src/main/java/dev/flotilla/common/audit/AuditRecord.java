package dev.flotilla.common.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An event for auth-service's audit trail, as {@code POST /api/v1/audit-events} takes it: a dotted lower-case
 * {@code type} named for the service ({@code notification.webhook-endpoint.created}), who did it ({@code actor}, a
 * subject), what it was done to ({@code subject}, an id) and a {@code detail} object. Nothing secret goes in it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditRecord(String type, String actor, String subject, Map<String, Object> detail) {

    /** What auth-service accepts as a type. */
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+");
    /** auth-service's bound on the actor and the subject. */
    static final int MAX_NAME = 200;

    public AuditRecord {
        if (type == null || type.length() > 100 || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException(
                    "An audit type is a dotted lower-case name such as conversation.deleted: " + type);
        }
        actor = bounded(actor);
        subject = bounded(subject);
        detail = detail == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }

    private static String bounded(String name) {
        return name == null || name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }
}
