package dev.flotilla.conversation.retention;

import dev.flotilla.conversation.AuditOutbox;
import dev.flotilla.conversation.ConversationApi;
import dev.flotilla.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static dev.flotilla.conversation.ConversationApi.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The purge of deleted conversations once their retention period (30 days) is over. */
@QuarkusTest
class PurgeJobTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    PurgeJob purge;
    @Inject
    AuditOutbox audit;
    @Inject
    Clock clock;

    private final ConversationApi api = new ConversationApi();

    @Test
    void aConversationDeletedLongerAgoThanTheRetentionIsPurgedAndAudited() {
        String id = api.create("ann");
        api.append("ann", id, "user", "one", "two");
        api.member("ann").delete(path(id)).then().statusCode(204);

        purge.purgeAsOf(clock.instant().plus(Duration.ofDays(31))).await().atMost(TIMEOUT);

        api.member("ann").post(path(id) + "/restore").then().spec(Problems.notFound());
        List<JsonObject> purged = audit.of(api.tenant).stream()
                .filter(event -> event.getString("type").equals("conversation.purged")).toList();
        assertEquals(1, purged.size());
        assertEquals(id, purged.get(0).getString("subject"));
        assertEquals(2, purged.get(0).getJsonObject("detail").getInteger("messageCount"));
    }

    @Test
    void aConversationDeletedWithinTheRetentionCanStillBeRestored() {
        String id = api.create("ann");
        api.member("ann").delete(path(id)).then().statusCode(204);

        purge.purgeAsOf(clock.instant().plus(Duration.ofDays(29))).await().atMost(TIMEOUT);

        api.member("ann").post(path(id) + "/restore").then().statusCode(200);
        assertTrue(audit.types(api.tenant).stream().noneMatch("conversation.purged"::equals));
    }

    @Test
    void aConversationNotDeletedIsNeverPurged() {
        String id = api.create("ann");

        purge.purgeAsOf(clock.instant().plus(Duration.ofDays(3650))).await().atMost(TIMEOUT);

        api.member("ann").get(path(id)).then().statusCode(200);
    }
}
