package dev.flotilla.search.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.search.document.MetadataFilter.Condition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The metadata filter language as {@link MetadataFilter} reads it into SQL/JSON path predicates. */
class MetadataFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void noFilterIsTheEmptyFilter() {
        assertSame(MetadataFilter.NONE, MetadataFilter.parse(null));
        assertSame(MetadataFilter.NONE, MetadataFilter.parse(NullNode.getInstance()));
        assertTrue(MetadataFilter.NONE.isEmpty());
    }

    @Test
    void aValueIsAnEqualityTheIndexAnswers() {
        assertEquals(List.of(new Condition("$.\"lang\" ? (@ == \"en\")", false, true)), conditions("{\"lang\": \"en\"}"));
    }

    @Test
    void anArrayValueMatchesAnyOfItsElements() {
        assertEquals(List.of(new Condition("$.\"lang\" ? (@ == \"en\" || @ == \"fr\")", false, true)),
                conditions("{\"lang\": [\"en\", \"fr\"]}"));
    }

    @Test
    void eqIsAnEquality() {
        assertEquals(conditions("{\"n\": 3}"), conditions("{\"n\": {\"eq\": 3}}"));
    }

    @Test
    void inMatchesAnyOfItsValues() {
        assertEquals(List.of(new Condition("$.\"status\" ? (@ == \"draft\" || @ == \"final\")", false, true)),
                conditions("{\"status\": {\"in\": [\"draft\", \"final\"]}}"));
    }

    @Test
    void theBoundsOfARangeAreOneConditionTheIndexCannotAnswer() {
        assertEquals(List.of(new Condition("$.\"year\" ? (@ >= 2020 && @ < 2024)", false, false)),
                conditions("{\"year\": {\"gte\": 2020, \"lt\": 2024}}"));
    }

    @Test
    void dateBoundsAreStrings() {
        assertEquals(List.of(new Condition("$.\"published\" ? (@ > \"2024-01-01\")", false, false)),
                conditions("{\"published\": {\"gt\": \"2024-01-01\"}}"));
    }

    @Test
    void existsTrueAsksForThePath() {
        assertEquals(List.of(new Condition("$.\"stars\"", false, false)), conditions("{\"stars\": {\"exists\": true}}"));
    }

    @Test
    void existsFalseAsksForThePathNegated() {
        assertEquals(List.of(new Condition("$.\"stars\"", true, false)), conditions("{\"stars\": {\"exists\": false}}"));
    }

    @Test
    void everyFieldAddsItsConditions() {
        assertEquals(3, conditions("{\"a\": 1, \"b\": {\"in\": [1, 2], \"lte\": 5}}").size());
    }

    @Test
    void numbersAreWrittenWithoutAnExponent() {
        assertEquals("$.\"n\" ? (@ == 0.00000010)", conditions("{\"n\": 1e-7}").get(0).path());
    }

    @Test
    void booleansAndNullAreLiterals() {
        assertEquals("$.\"a\" ? (@ == true || @ == null)", conditions("{\"a\": [true, null]}").get(0).path());
    }

    @Test
    void dotsReachIntoNestedObjects() {
        assertEquals("$.\"author\".\"name\"", MetadataFilter.path("author.name"));
    }

    @Test
    void quotesBackslashesAndControlCharactersAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\u000a\"", MetadataFilter.quote("a\"b\\c\n"));
    }

    @Test
    void aFilterThatIsNotAnObjectIsRefused() {
        assertEquals("filter", refusedField("[1]"));
    }

    @Test
    void anUnknownOperatorIsRefusedNamingTheField() {
        assertEquals("filter.year", refusedField("{\"year\": {\"near\": 1}}"));
    }

    @Test
    void anObjectWithoutOperatorIsRefused() {
        assertEquals("filter.year", refusedField("{\"year\": {}}"));
    }

    @Test
    void anEmptyInIsRefused() {
        assertEquals("filter.status.in", refusedField("{\"status\": {\"in\": []}}"));
    }

    @Test
    void existsTakesOnlyABoolean() {
        assertEquals("filter.stars.exists", refusedField("{\"stars\": {\"exists\": \"yes\"}}"));
    }

    @Test
    void rangeBoundsAreNumbersOrStrings() {
        assertEquals("filter.year", refusedField("{\"year\": {\"gt\": true}}"));
    }

    @Test
    void aNumberBeyondTheRangeOfADoubleIsRefusedNamingItsCondition() {
        assertEquals("filter.year.gte", refusedField("{\"year\": {\"gte\": 1e309}}"));
        assertEquals("filter.year.eq", refusedField("{\"year\": {\"eq\": -1e309}}"));
        assertEquals("filter.year", refusedField("{\"year\": 1e309}"));
    }

    @Test
    void objectsAreNoValues() {
        assertEquals("filter.a", refusedField("{\"a\": [{\"b\": 1}]}"));
    }

    @Test
    void anEmptySegmentOfADottedNameIsRefused() {
        assertEquals("filter.a..b", refusedField("{\"a..b\": 1}"));
    }

    @Test
    void fieldNamesHaveAtMost200Characters() {
        MetadataFilter.path("f".repeat(200));
        assertThrows(BadRequest.class, () -> MetadataFilter.path("f".repeat(201)));
    }

    @Test
    void aFilterHasAtMost32Conditions() {
        assertEquals(32, conditions(equalities(32)).size());
        assertEquals("filter", refusedField(equalities(33)));
    }

    /** A filter of {@code n} equalities on fields of their own. */
    private static String equalities(int n) {
        StringBuilder filter = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            filter.append(i == 0 ? "" : ", ").append("\"f").append(i).append("\": ").append(i);
        }
        return filter.append('}').toString();
    }

    private static List<Condition> conditions(String filter) {
        return MetadataFilter.parse(json(filter)).conditions();
    }

    private static String refusedField(String filter) {
        BadRequest refused = assertThrows(BadRequest.class, () -> MetadataFilter.parse(json(filter)));
        return refused.errors().get(0).field();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
