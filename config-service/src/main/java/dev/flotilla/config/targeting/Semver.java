package dev.flotilla.config.targeting;

import java.util.List;

/**
 * A Semantic Versioning 2.0.0 version ({@code 1.4.2}, {@code 2.0.0-rc.1+build.5}, with an optional leading
 * {@code v}), ordered by semver precedence: build metadata is ignored, a pre-release sorts before its release,
 * numeric pre-release identifiers compare as numbers and before alphanumeric ones.
 */
record Semver(long major, long minor, long patch, List<String> prerelease) implements Comparable<Semver> {

    private static final int MAX_LENGTH = 256;

    /** The version {@code text} names, or null when it is not one. */
    static Semver parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return null;
        }
        String version = text.charAt(0) == 'v' ? text.substring(1) : text;
        int plus = version.indexOf('+');
        if (plus >= 0) {
            if (!identifiers(version.substring(plus + 1), false)) {
                return null;
            }
            version = version.substring(0, plus);
        }
        List<String> prerelease = List.of();
        int dash = version.indexOf('-');
        if (dash >= 0) {
            String tail = version.substring(dash + 1);
            if (!identifiers(tail, true)) {
                return null;
            }
            prerelease = List.of(tail.split("\\.", -1));
            version = version.substring(0, dash);
        }
        long[] core = core(version);
        return core == null ? null : new Semver(core[0], core[1], core[2], prerelease);
    }

    /** {@code major.minor.patch} as numbers, or null. */
    private static long[] core(String version) {
        String[] parts = version.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        long[] numbers = new long[3];
        for (int i = 0; i < 3; i++) {
            if (!isNumber(parts[i]) || parts[i].length() > 18) {
                return null;
            }
            numbers[i] = Long.parseLong(parts[i]);
        }
        return numbers;
    }

    @Override
    public int compareTo(Semver other) {
        int byCore = major != other.major ? Long.compare(major, other.major)
                : minor != other.minor ? Long.compare(minor, other.minor) : Long.compare(patch, other.patch);
        if (byCore != 0) {
            return byCore;
        }
        if (prerelease.isEmpty() || other.prerelease.isEmpty()) {
            return Boolean.compare(prerelease.isEmpty(), other.prerelease.isEmpty());
        }
        for (int i = 0; i < Math.min(prerelease.size(), other.prerelease.size()); i++) {
            int byIdentifier = compareIdentifiers(prerelease.get(i), other.prerelease.get(i));
            if (byIdentifier != 0) {
                return byIdentifier;
            }
        }
        return Integer.compare(prerelease.size(), other.prerelease.size());
    }

    private static int compareIdentifiers(String a, String b) {
        boolean aNumeric = isNumber(a);
        boolean bNumeric = isNumber(b);
        if (aNumeric && bNumeric) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1;
        }
        return a.compareTo(b);
    }

    /** Dot-separated identifiers of {@code [0-9A-Za-z-]}; numeric pre-release identifiers without leading zeros. */
    private static boolean identifiers(String text, boolean prerelease) {
        for (String part : text.split("\\.", -1)) {
            if (part.isEmpty() || !part.chars().allMatch(c -> c == '-' || c < 128 && Character.isLetterOrDigit(c))) {
                return false;
            }
            if (prerelease && !isNumber(part) && part.chars().allMatch(Character::isDigit)) {
                return false;
            }
        }
        return true;
    }

    /** Digits without a leading zero (a lone {@code 0} is a number). */
    private static boolean isNumber(String text) {
        if (text.isEmpty() || text.length() > 1 && text.charAt(0) == '0') {
            return false;
        }
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
