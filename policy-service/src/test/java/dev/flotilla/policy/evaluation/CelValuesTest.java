package dev.flotilla.policy.evaluation;

import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelVariableResolver;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** How the values of a decision request become the values CEL conditions see. */
class CelValuesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    private static Object variable(CelVariableResolver resolver, String name) {
        return resolver.find(name).orElseThrow();
    }

    @Test
    void smallIntegersBecomeCelInts() {
        assertEquals(3L, CelValues.normalize(3));
        assertEquals(3L, CelValues.normalize((short) 3));
        assertEquals(3L, CelValues.normalize((byte) 3));
    }

    @Test
    void floatsAndDecimalsBecomeCelDoubles() {
        assertEquals(1.5d, CelValues.normalize(1.5f));
        assertEquals(10.25d, CelValues.normalize(new BigDecimal("10.25")));
    }

    @Test
    void aBigIntegerBecomesAnIntWhenItFitsAndADoubleWhenItDoesNot() {
        assertEquals(42L, CelValues.normalize(BigInteger.valueOf(42)));
        BigInteger huge = BigInteger.TWO.pow(70);
        assertEquals(huge.doubleValue(), CelValues.normalize(huge));
    }

    @Test
    void stringsBooleansLongsAndDoublesAreKept() {
        String text = "text";
        assertSame(text, CelValues.normalize(text));
        assertEquals(true, CelValues.normalize(true));
        assertEquals(7L, CelValues.normalize(7L));
        assertEquals(0.5d, CelValues.normalize(0.5d));
    }

    @Test
    void jsonNullBecomesCelNull() {
        assertEquals(NullValue.NULL_VALUE, CelValues.normalize(null));
    }

    @Test
    void mapsAndListsAreConvertedAllTheWayDown() {
        Map<Object, Object> nested = new LinkedHashMap<>();
        nested.put("count", 2);
        nested.put("tags", Arrays.asList("a", null, 1));
        nested.put(5, Map.of("price", new BigDecimal("9.5")));
        assertEquals(Map.of("count", 2L, "tags", Arrays.asList("a", NullValue.NULL_VALUE, 1L), "5", Map.of("price", 9.5d)),
                CelValues.normalize(nested));
    }

    @Test
    void anyOtherValueBecomesItsText() {
        UUID id = UUID.randomUUID();
        assertEquals(id.toString(), CelValues.normalize(id));
    }

    @Test
    void theSubjectIsAMapOfIdRolesAndAttributes() {
        var request = new DecisionRequest(new DecisionRequest.Subject("u1", List.of("member"), Map.of("level", 3)), "read",
                new DecisionRequest.Resource("doc", "1", Map.of()), Map.of());
        assertEquals(Map.of("id", "u1", "roles", List.of("member"), "attributes", Map.of("level", 3L)),
                variable(CelValues.resolver(request, NOW), CelValues.SUBJECT));
    }

    @Test
    void absentRolesAttributesAndContextAreEmpty() {
        var request = new DecisionRequest(new DecisionRequest.Subject("u1", null, null), "read",
                new DecisionRequest.Resource("doc", "1", null), null);
        CelVariableResolver resolver = CelValues.resolver(request, NOW);
        assertEquals(Map.of("id", "u1", "roles", List.of(), "attributes", Map.of()), variable(resolver, CelValues.SUBJECT));
        assertEquals(Map.of(), ((Map<?, ?>) variable(resolver, CelValues.RESOURCE)).get("attributes"));
        assertEquals(Map.of(), variable(resolver, CelValues.CONTEXT));
    }

    @Test
    void aResourceWithoutAnIdHasTheEmptyId() {
        var request = new DecisionRequest(new DecisionRequest.Subject("u1", List.of(), Map.of()), "create",
                new DecisionRequest.Resource("doc", null, Map.of("ownerId", "u1")), Map.of());
        assertEquals(Map.of("type", "doc", "id", "", "attributes", Map.of("ownerId", "u1")),
                variable(CelValues.resolver(request, NOW), CelValues.RESOURCE));
    }

    @Test
    void theActionAndTheTimeOfTheDecisionAreVariables() {
        var request = new DecisionRequest(new DecisionRequest.Subject("u1", List.of(), Map.of()), "read",
                new DecisionRequest.Resource("doc", "1", Map.of()), Map.of("plan", "free"));
        CelVariableResolver resolver = CelValues.resolver(request, NOW);
        assertEquals("read", variable(resolver, CelValues.ACTION));
        assertEquals(NOW, variable(resolver, CelValues.NOW));
        assertEquals(Map.of("plan", "free"), variable(resolver, CelValues.CONTEXT));
    }

    @Test
    void aNameThatIsNoVariableIsAbsent() {
        var request = new DecisionRequest(new DecisionRequest.Subject("u1", List.of(), Map.of()), "read",
                new DecisionRequest.Resource("doc", "1", Map.of()), Map.of());
        assertEquals(Optional.empty(), CelValues.resolver(request, NOW).find("request"));
    }

    @Test
    void aVariableIsBuiltOncePerDecision() {
        var request = new DecisionRequest(new DecisionRequest.Subject("u1", List.of(), Map.of()), "read",
                new DecisionRequest.Resource("doc", "1", Map.of()), Map.of("plan", "free"));
        CelVariableResolver resolver = CelValues.resolver(request, NOW);
        assertSame(variable(resolver, CelValues.SUBJECT), variable(resolver, CelValues.SUBJECT));
        assertSame(variable(resolver, CelValues.RESOURCE), variable(resolver, CelValues.RESOURCE));
        assertSame(variable(resolver, CelValues.CONTEXT), variable(resolver, CelValues.CONTEXT));
    }
}
