package dev.flotilla.auth.password;

/**
 * Whether a Java string is well-formed Unicode text: every UTF-16 surrogate is part of a pair. A
 * JSON body can carry a lone surrogate ({@code "\ud800"}), which is no character, has no UTF-8 form
 * and cannot be hashed as a password.
 */
final class UnicodeText {

    private UnicodeText() {
    }

    static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
