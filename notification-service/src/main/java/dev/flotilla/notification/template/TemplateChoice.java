package dev.flotilla.notification.template;

import dev.flotilla.notification.event.EventTypes;

import java.util.Comparator;
import java.util.List;

/**
 * Which of a tenant's templates renders an event: the most specific pattern that selects its
 * type first ({@code task.failed}, then {@code task.*}, then {@code *}), and for that pattern the
 * first locale of the fallback chain ({@code fr-FR}, {@code fr}, {@code en}). A template in
 * another language for the exact type is preferred over a wildcard one in the reader's language:
 * it says what happened.
 */
final class TemplateChoice {

    private TemplateChoice() {
    }

    /** {@code candidates} that apply, best first (the next is tried when one fails to render). */
    static List<TemplateView> ordered(List<TemplateView> candidates, String eventType, List<String> locales) {
        List<String> patterns = EventTypes.patternsSelecting(eventType);
        return candidates.stream()
                .filter(view -> patterns.contains(view.eventType()) && locales.contains(view.locale()))
                .sorted(Comparator.<TemplateView> comparingInt(view -> patterns.indexOf(view.eventType()))
                        .thenComparingInt(view -> locales.indexOf(view.locale())))
                .toList();
    }
}
