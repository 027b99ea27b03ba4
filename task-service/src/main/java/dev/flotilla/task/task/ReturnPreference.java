package dev.flotilla.task.task;

import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.function.Function;

/**
 * The {@code return} preference of a request's {@code Prefer} header (RFC 7240 §4.2): {@code minimal}
 * asks a write to answer only what the client needs to go on, {@code representation} (the default)
 * the full resources. Other preferences are ignored; of several {@code return}s the first counts (§2).
 */
public enum ReturnPreference {
    MINIMAL,
    REPRESENTATION;

    /**
     * The preference of the {@code Prefer} header fields (each possibly a comma-separated list);
     * {@link #REPRESENTATION} when it names none.
     */
    public static ReturnPreference of(List<String> prefer) {
        if (prefer != null) {
            for (String field : prefer) {
                for (String preference : field.split(",")) {
                    String[] nameAndValue = preference.split(";", 2)[0].split("=", 2);
                    if (nameAndValue[0].trim().equalsIgnoreCase("return")) {
                        String value = nameAndValue.length == 2 ? nameAndValue[1].trim().replace("\"", "") : "";
                        return value.equalsIgnoreCase("minimal") ? MINIMAL : REPRESENTATION;
                    }
                }
            }
        }
        return REPRESENTATION;
    }

    /**
     * The answer with {@code status}: the {@code representation}, or for {@link #MINIMAL} its
     * {@code minimal} form, marked {@code Preference-Applied: return=minimal} (RFC 7240 §3).
     */
    public <T> RestResponse<Object> answer(RestResponse.Status status, T representation, Function<T, ?> minimal) {
        return this == MINIMAL
                ? RestResponse.ResponseBuilder.create(status, (Object) minimal.apply(representation))
                        .header("Preference-Applied", "return=minimal").build()
                : RestResponse.<Object> status(status, representation);
    }
}
