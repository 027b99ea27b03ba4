package dev.flotilla.config.settings;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** RFC 7386 as this service applies it: the RFC's own examples, and a patch of an absent value. */
class MergePatchTest {

    /** Appendix A of RFC 7386: original, patch, result. */
    private static final List<List<String>> RFC_EXAMPLES = List.of(
            List.of("{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"),
            List.of("{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}"),
            List.of("{\"a\":\"b\"}", "{\"a\":null}", "{}"),
            List.of("{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}"),
            List.of("{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"),
            List.of("{\"a\":\"c\"}", "{\"a\":[\"b\"]}", "{\"a\":[\"b\"]}"),
            List.of("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}", "{\"a\":{\"b\":\"d\"}}"),
            List.of("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}"),
            List.of("[\"a\",\"b\"]", "[\"c\",\"d\"]", "[\"c\",\"d\"]"),
            List.of("{\"a\":\"b\"}", "[\"c\"]", "[\"c\"]"),
            List.of("{\"a\":\"foo\"}", "\"bar\"", "\"bar\""),
            List.of("{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}"),
            List.of("[1,2]", "{\"a\":\"b\",\"c\":null}", "{\"a\":\"b\"}"),
            List.of("{}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}"));

    @Test
    void everyExampleOfTheRfcGivesItsResult() {
        for (List<String> example : RFC_EXAMPLES) {
            assertEquals(SettingValues.parse(example.get(2)),
                    MergePatch.apply(SettingValues.parse(example.get(0)), SettingValues.parse(example.get(1))),
                    example.get(0) + " patched with " + example.get(1));
        }
    }

    @Test
    void aPatchOfAnAbsentValueStartsFromAnEmptyObject() {
        assertEquals(SettingValues.parse("{\"size\":14}"),
                MergePatch.apply(null, SettingValues.parse("{\"size\":14,\"family\":null}")));
        assertEquals(SettingValues.parse("14"), MergePatch.apply(null, SettingValues.parse("14")));
    }

    @Test
    void numbersAndUnicodeComeThroughUnchanged() {
        String value = "{\"big\":123456789012345678901234567890,\"ratio\":0.1,\"tiny\":1.0E-7,\"text\":\"\\u00e9\\ud83d\\ude00\\\"\"}";
        assertEquals(SettingValues.parse(value), MergePatch.apply(SettingValues.parse("{}"), SettingValues.parse(value)));
    }
}
