package dev.flotilla.common.paging;

import dev.flotilla.common.error.BadRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A keyset position: the sort-key values of the last item of a page, e.g. {@code [createdAt, id]}
 * or just {@code [id]} for UUIDv7 ids. Encoded as base64url so that clients treat it as opaque.
 */
public record Cursor(List<String> keys) {

    // The unit separator cannot appear in the keys we page by (ids, timestamps, names).
    private static final char SEPARATOR = '\u001f';
    private static final int MAX_ENCODED_LENGTH = 1024;

    public Cursor {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a cursor needs at least one key");
        }
    }

    public static Cursor of(Object... keys) {
        return new Cursor(java.util.Arrays.stream(keys).map(String::valueOf).toList());
    }

    public String encode() {
        String joined = String.join(String.valueOf(SEPARATOR), keys);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String encoded) {
        if (encoded.length() > MAX_ENCODED_LENGTH) {
            throw malformed();
        }
        try {
            String joined = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            return new Cursor(List.of(joined.split(String.valueOf(SEPARATOR), -1)));
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    /** The key at {@code index}, checked to hold as many keys as the endpoint pages by. */
    public String key(int index, int expectedKeys) {
        if (keys.size() != expectedKeys) {
            throw malformed();
        }
        return keys.get(index);
    }

    /** The single id key of a cursor over UUIDv7 ids. */
    public UUID id() {
        try {
            return UUID.fromString(key(0, 1));
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static BadRequest malformed() {
        return new BadRequest("cursor", "is not a cursor this endpoint returned");
    }
}
