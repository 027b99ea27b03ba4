package dev.flotilla.notification.template;

import dev.flotilla.notification.event.EventTypes;

import java.util.ArrayList;
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
        return ordered(candidates, locales, EventTypes.patternsSelecting(eventType));
    }

    /** {@code candidates} of one of {@code patterns} (most specific first) and {@code locales}, best first. */
    static List<TemplateView> ordered(List<TemplateView> candidates, List<String> locales, List<String> patterns) {
        return candidates.stream()
                .filter(view -> patterns.contains(view.eventType()) && locales.contains(view.locale()))
                .sorted(Comparator.<TemplateView> comparingInt(view -> patterns.indexOf(view.eventType()))
                        .thenComparingInt(view -> locales.indexOf(view.locale())))
                .toList();
    }

    /**
     * The patterns whose every type {@code pattern} selects too, most specific first: {@code task.run.*} → itself,
     * {@code task.*}, {@code *}; a type → the patterns selecting it. A digest of a rule's pattern takes the template
     * of the first that has one.
     */
    static List<String> patternsCovering(String pattern) {
        if ("*".equals(pattern)) {
            return List.of("*");
        }
        if (!pattern.endsWith(".*")) {
            return EventTypes.patternsSelecting(pattern);
        }
        List<String> patterns = new ArrayList<>(EventTypes.patternsSelecting(pattern.substring(0, pattern.length() - 2)));
        patterns.set(0, pattern);
        return patterns;
    }
}
