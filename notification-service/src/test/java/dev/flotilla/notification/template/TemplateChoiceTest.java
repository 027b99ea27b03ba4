package dev.flotilla.notification.template;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TemplateChoiceTest {

    private static TemplateView template(String pattern, String locale) {
        return new TemplateView(UUID.randomUUID(), pattern, "email", locale, null, null, pattern + " " + locale, null,
                "text", "admin", null, null, 0);
    }

    private static List<String> chosen(List<TemplateView> candidates, String type, String locale) {
        return TemplateChoice.ordered(candidates, type, Locales.chain(locale)).stream()
                .map(view -> view.eventType() + " " + view.locale()).toList();
    }

    @Test
    void theReadersLocaleComesFirstThenItsLanguageThenEnglish() {
        List<TemplateView> candidates = List.of(template("task.failed", "en"), template("task.failed", "fr"),
                template("task.failed", "fr-FR"));
        assertEquals(List.of("task.failed fr-FR", "task.failed fr", "task.failed en"),
                chosen(candidates, "task.failed", "fr-FR"));
        assertEquals(List.of("task.failed fr", "task.failed en"), chosen(candidates, "task.failed", "fr-CA"));
        assertEquals(List.of("task.failed en"), chosen(candidates, "task.failed", "de"));
    }

    @Test
    void theExactTypeBeatsAWildcardInTheReadersLanguage() {
        List<TemplateView> candidates = List.of(template("task.*", "fr"), template("task.failed", "en"), template("*", "fr"));
        assertEquals(List.of("task.failed en", "task.* fr", "* fr"), chosen(candidates, "task.failed", "fr"));
    }

    @Test
    void templatesOfOtherTypesOrLanguagesAreNotCandidates() {
        List<TemplateView> candidates = List.of(template("workflow.*", "en"), template("task.failed", "de"));
        assertEquals(List.of(), chosen(candidates, "task.failed", "fr"));
    }
}
