package dev.flotilla.search.collection;

import dev.flotilla.common.error.BadRequest;
import dev.flotilla.search.analysis.Language;

/** The effective settings of a collection. */
public record CollectionSettings(Language language, FieldWeights fieldWeights, int chunkSize, int chunkOverlap) {

    /** Title matches count twice a body match: a title says in a few words what the whole document is about. */
    public static final CollectionSettings DEFAULTS = new CollectionSettings(Language.ENGLISH, new FieldWeights(2.0, 1.0), 1000,
            150);

    /** These settings with the members {@code draft} sets replaced; validated as a whole. */
    public CollectionSettings with(SettingsDraft draft) {
        if (draft == null) {
            return this;
        }
        Language lang = language;
        if (draft.language() != null) {
            try {
                lang = Language.of(draft.language());
            } catch (IllegalArgumentException e) {
                throw new BadRequest("settings.language", e.getMessage());
            }
        }
        CollectionSettings merged = new CollectionSettings(lang,
                draft.fieldWeights() == null ? fieldWeights : draft.fieldWeights(),
                draft.chunkSize() == null ? chunkSize : draft.chunkSize(),
                draft.chunkOverlap() == null ? chunkOverlap : draft.chunkOverlap());
        if (merged.chunkOverlap * 2 > merged.chunkSize) {
            throw new BadRequest("settings.chunkOverlap", "must be at most half of chunkSize (" + merged.chunkSize + ")");
        }
        return merged;
    }
}
