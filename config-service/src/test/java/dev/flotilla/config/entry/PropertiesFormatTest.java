package dev.flotilla.config.entry;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PropertiesFormatTest {

    private static ResolvedValue value(String key, String json) {
        JsonNode node = EntryJson.read(json);
        return new ResolvedValue(key, node, "json", null, false, false);
    }

    @Test
    void objectsBecomeDottedKeysAndArraysIndexedOnes() {
        Map<String, String> flat = PropertiesFormat.flatten(List.of(
                value("db", "{\"url\":\"jdbc:pg\",\"pool\":{\"max\":5},\"hosts\":[\"a\",{\"port\":1}]}")));
        assertEquals(Map.of("db.url", "jdbc:pg", "db.pool.max", "5", "db.hosts[0]", "a", "db.hosts[1].port", "1"), flat);
    }

    @Test
    void scalarsAreWrittenAsTheirTextAndEmptyThingsAsEmptyValues() {
        Map<String, String> flat = PropertiesFormat.flatten(List.of(value("s", "\"text\""), value("n", "1.50"),
                value("b", "true"), value("o", "{}"), value("a", "[]"), value("j", "{\"x\":null}")));
        assertEquals(Map.of("s", "text", "n", "1.50", "b", "true", "o", "", "a", "", "j.x", ""), flat);
    }

    @Test
    void theTextReadsBackWithJavaUtilPropertiesExactly() throws IOException {
        String awkward = " leading space, = : # ! \\ tab\tnewline\nand ünïcødé ✓";
        String text = PropertiesFormat.render(List.of(value("key with = and :", json(awkward)), value("plain", "\"x\"")));
        Properties read = new Properties();
        read.load(new StringReader(text));
        assertEquals(awkward, read.getProperty("key with = and :"));
        assertEquals("x", read.getProperty("plain"));
        assertTrue(text.chars().allMatch(c -> c < 0x80), "ASCII only");
    }

    @Test
    void eachValueIsOneLineInTheOrderGiven() {
        String text = PropertiesFormat.render(List.of(value("b", "1"), value("a", "{\"z\":1,\"y\":2}")));
        assertEquals("b=1\na.z=1\na.y=2\n", text);
    }

    private static String json(String text) {
        return EntryJson.mapper().getNodeFactory().textNode(text).toString();
    }
}
