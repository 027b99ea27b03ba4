package dev.flotilla.auth.oauth;

import jakarta.ws.rs.core.MediaType;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The parameters of an OAuth request body ({@code application/x-www-form-urlencoded}, RFC 6749
 * appendix B), decoded strictly: a malformed {@code %} escape, bytes that are not UTF-8 or a U+0000
 * are the client's {@code invalid_request} (400), and a body larger than {@link #MAX_BYTES} is a
 * 413, and a body of another media type an {@code invalid_request}, all answered in the OAuth error form.
 *
 * <p>
 * The OAuth endpoints read their body as text and decode it here instead of through the framework's
 * form parameters: the framework's form decoder fails on the event loop, outside the request's
 * error handling, so a malformed escape or a field over {@code quarkus.http.limits.max-form-attribute-size}
 * was a 500 or no answer at all, with an ERROR stack trace for every chunk of the body received.
 */
final class OAuthForm {

    /**
     * The largest body the OAuth endpoints accept. Their parameters are short (a refresh token or
     * client secret is 43 characters, an access token about a kilobyte), so 16 KiB leaves room for
     * any honest request.
     */
    static final int MAX_BYTES = 16 * 1024;

    private final Map<String, String> values;

    private OAuthForm(Map<String, String> values) {
        this.values = values;
    }

    /**
     * The decoded parameters of {@code body}, sent with the header {@code contentType}; an absent
     * body has none. Any media type but the form's is an {@code invalid_request}.
     */
    static OAuthForm parse(String contentType, String body) {
        if (!isForm(contentType)) {
            throw OAuthError.invalidRequest("The request body must be " + MediaType.APPLICATION_FORM_URLENCODED
                    + (contentType == null || contentType.isBlank() ? ", and the request has no Content-Type"
                            : ", not " + contentType));
        }
        Map<String, String> values = new HashMap<>();
        if (body == null || body.isEmpty()) {
            return new OAuthForm(values);
        }
        byte[] encoded = body.getBytes(StandardCharsets.UTF_8);
        if (encoded.length > MAX_BYTES) {
            throw tooLarge();
        }
        int start = 0;
        while (start <= encoded.length) {
            int end = indexOf(encoded, '&', start, encoded.length);
            int equals = indexOf(encoded, '=', start, end);
            if (end > start) {
                String name = decode(encoded, start, equals, "a parameter name");
                String value = equals == end ? "" : decode(encoded, equals + 1, end, "parameter " + name);
                values.putIfAbsent(name, value);
            }
            start = end + 1;
        }
        return new OAuthForm(values);
    }

    /** Whether the Content-Type names the form media type, with or without parameters such as a charset. */
    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip();
        return mediaType.equalsIgnoreCase(MediaType.APPLICATION_FORM_URLENCODED);
    }

    /** The 413 for a body over {@link #MAX_BYTES}. */
    static OAuthError tooLarge() {
        return new OAuthError(413, "invalid_request", "The request body is larger than the " + MAX_BYTES
                + " bytes the OAuth endpoints accept");
    }

    /** The first value of parameter {@code name}, or null when it is absent. */
    String get(String name) {
        return values.get(name);
    }

    private static int indexOf(byte[] bytes, char wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return to;
    }

    /** Decodes {@code encoded[from, to)}; {@code what} names the part in the error a client gets. */
    private static String decode(byte[] encoded, int from, int to, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = encoded[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                int high = i + 2 < to ? Character.digit(encoded[i + 1], 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded[i + 2], 16);
                if (low < 0) {
                    throw OAuthError.invalidRequest("The form is not correctly encoded: " + what
                            + " has a '%' that is not followed by two hexadecimal digits");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw OAuthError.invalidRequest("The form is not correctly encoded: " + what + " is not UTF-8");
        }
        if (text.indexOf('\0') >= 0) {
            throw OAuthError.invalidRequest("Invalid form: " + what + " must not contain the character U+0000");
        }
        return text;
    }
}
