package dev.flotilla.policy.log;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The id of a stored set of policy versions, which every replica must compute alike. */
class PolicySetTest {

    private static final UUID TENANT = UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057");

    @Test
    void theSameVersionsInAnyOrderHaveTheSameId() {
        Map<String, Integer> oneOrder = new LinkedHashMap<>();
        oneOrder.put("policy-a", 1);
        oneOrder.put("policy-b", 2);
        Map<String, Integer> otherOrder = new LinkedHashMap<>();
        otherOrder.put("policy-b", 2);
        otherOrder.put("policy-a", 1);
        assertEquals(PolicySet.idOf(TENANT, oneOrder), PolicySet.idOf(TENANT, otherOrder));
    }

    @Test
    void theIdIsANameBasedUuidOfTheTenantAndTheSortedVersions() {
        // Replicas old and new name one set alike only while this stays as it is.
        String name = TENANT + "\npolicy-a=1\npolicy-b=2";
        assertEquals(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)),
                PolicySet.idOf(TENANT, Map.of("policy-b", 2, "policy-a", 1)));
    }

    @Test
    void anotherVersionOfAPolicyIsAnotherSet() {
        assertNotEquals(PolicySet.idOf(TENANT, Map.of("policy-a", 1)), PolicySet.idOf(TENANT, Map.of("policy-a", 2)));
    }

    @Test
    void theSameVersionsInAnotherTenantAreAnotherSet() {
        assertNotEquals(PolicySet.idOf(TENANT, Map.of("policy-a", 1)),
                PolicySet.idOf(UUID.randomUUID(), Map.of("policy-a", 1)));
    }

    @Test
    void aTenantWithoutPoliciesHasASetToo() {
        assertEquals(PolicySet.idOf(TENANT, Map.of()), PolicySet.idOf(TENANT, new LinkedHashMap<>()));
    }
}
