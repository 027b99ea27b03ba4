package dev.flotilla.search.analysis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The text languages a collection may declare; each selects stop words and a stemmer. */
public enum Language {
    ENGLISH,
    FRENCH,
    GERMAN,
    SPANISH,
    ITALIAN,
    PORTUGUESE,
    DUTCH,
    /** No stop words, no stemming: lower-casing and accent folding only. */
    SIMPLE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Language of(String code) {
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language '" + code + "', expected one of "
                + Arrays.stream(values()).map(Language::code).collect(Collectors.joining(", ")));
    }
}
