package dev.flotilla.search.analysis;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/** One {@link TextAnalyzer} per language, shared by indexing and querying so both agree on terms. */
@ApplicationScoped
public class Analyzers {

    private final Map<Language, TextAnalyzer> analyzers = new EnumMap<>(Language.class);

    public Analyzers() {
        for (Language language : Language.values()) {
            analyzers.put(language, new TextAnalyzer(language));
        }
    }

    public TextAnalyzer of(Language language) {
        return analyzers.get(language);
    }
}
