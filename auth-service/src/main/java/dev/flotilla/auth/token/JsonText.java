package dev.flotilla.auth.token;

/** JSON text for the few small documents this service writes by hand, on its busiest paths. */
final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /** Appends {@code value} as a JSON string (RFC 8259): quotes, backslashes and control characters escaped. */
    static StringBuilder string(StringBuilder json, String value) {
        json.append('"');
        int first = 0;
        while (first < value.length() && !needsEscape(value.charAt(first))) {
            first++;
        }
        if (first == value.length()) {
            // Tokens, ids and names need no escaping: the whole string is copied at once.
            return json.append(value).append('"');
        }
        int run = 0;
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!needsEscape(c)) {
                continue;
            }
            json.append(value, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return json.append(value, run, value.length()).append('"');
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c == '"' || c == '\\';
    }
}
