package dev.flotilla.notification.inbox;

import dev.flotilla.common.db.Db;
import dev.flotilla.notification.event.Event;
import dev.flotilla.testing.Problems;
import dev.flotilla.testing.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class InboxApiTest {

    private static final String INBOX = "/api/v1/inbox";

    private final UUID tenant = UUID.randomUUID();

    @Inject
    Db db;

    @Inject
    InboxWriter writer;

    private InboxEvents events;

    @BeforeEach
    void events() {
        events = new InboxEvents(db, writer);
    }

    private RequestSpecification as(String user) {
        return Requests.as(user, tenant, "member");
    }

    private List<Integer> seqs(String user, String query) {
        return as(user).get(INBOX + query).then().statusCode(200).extract().path("items.seq");
    }

    /** The id of the user's notification {@code seq}, archived or not. */
    private String idOf(String user, int seq) {
        for (String archived : List.of("false", "true")) {
            String id = as(user).get(INBOX + "?limit=500&archived=" + archived).then().statusCode(200).extract()
                    .path("items.find { it.seq == " + seq + " }.id");
            if (id != null) {
                return id;
            }
        }
        throw new AssertionError(user + " has no notification " + seq);
    }

    /** The unread count, checked against the notifications the list shows unread and not archived. */
    private void unreadIs(String user, int expected) {
        as(user).get(INBOX + "/unread-count").then().statusCode(200).body("unread", is(expected));
        assertEquals(expected, seqs(user, "?unread=true&limit=500").size(), "unread notifications listed");
    }

    @Test
    void theInboxListsTheCallersNotificationsNewestFirstInPages() {
        Event first = events.publish(tenant, "task.failed", "alice");
        events.publish(6, tenant, "task.failed", "alice");

        ValidatableResponse page = as("alice").get(INBOX + "?limit=3").then().statusCode(200)
                .body("items.seq", contains(7, 6, 5))
                .body("nextCursor", notNullValue());
        String cursor = page.extract().path("nextCursor");
        page = as("alice").get(INBOX + "?limit=3&cursor=" + cursor).then().statusCode(200)
                .body("items.seq", contains(4, 3, 2));
        cursor = page.extract().path("nextCursor");
        as("alice").get(INBOX + "?limit=3&cursor=" + cursor).then().statusCode(200)
                .body("items.seq", contains(1))
                .body("items[0].eventId", is(first.id().toString()))
                .body("items[0].type", is("task.failed"))
                .body("items[0].subject", is("subject-of-task.failed"))
                .body("items[0].data.type", is("task.failed"))
                .body("items[0].data.n", is(first.data().getString("n")))
                .body("items[0].createdAt", notNullValue())
                .body("items[0].readAt", nullValue())
                .body("items[0].archivedAt", nullValue())
                .body("nextCursor", nullValue());
    }

    @Test
    void aNotificationIsReadByItsId() {
        Event event = events.publish(tenant, "workflow.completed", "alice");
        String id = idOf("alice", 1);

        as("alice").get(INBOX + "/" + id).then().statusCode(200)
                .body("id", is(id))
                .body("seq", is(1))
                .body("eventId", is(event.id().toString()))
                .body("data.n", is(event.data().getString("n")));
    }

    @Test
    void unreadAndTypeFiltersSelectTheirNotifications() {
        events.publish(tenant, "task.failed", "alice");
        events.publish(tenant, "task.run.succeeded", "alice");
        events.publish(tenant, "workflow.completed", "alice");
        events.publish(tenant, "tasks.other", "alice");
        as("alice").post(INBOX + "/" + idOf("alice", 2) + "/read").then().statusCode(204);

        assertEquals(List.of(4, 3, 1), seqs("alice", "?unread=true"));
        assertEquals(List.of(2), seqs("alice", "?unread=false"));
        assertEquals(List.of(2, 1), seqs("alice", "?type=task.*"));
        assertEquals(List.of(1), seqs("alice", "?type=task.*&unread=true"));
        assertEquals(List.of(1), seqs("alice", "?type=task.failed"));
        assertEquals(List.of(4, 3, 2, 1), seqs("alice", "?type=*"));
        assertEquals(List.of(), seqs("alice", "?type=task"));
    }

    @Test
    void archivedNotificationsLeaveTheListUntilAskedForOrUnarchived() {
        events.publish(3, tenant, "task.failed", "alice");
        String second = idOf("alice", 2);

        as("alice").post(INBOX + "/" + second + "/archive").then().statusCode(204);
        assertEquals(List.of(3, 1), seqs("alice", ""));
        assertEquals(List.of(2), seqs("alice", "?archived=true"));
        as("alice").get(INBOX + "/" + second).then().statusCode(200).body("archivedAt", notNullValue());

        as("alice").post(INBOX + "/" + second + "/unarchive").then().statusCode(204);
        assertEquals(List.of(3, 2, 1), seqs("alice", ""));
        assertEquals(List.of(), seqs("alice", "?archived=true"));
    }

    @Test
    void theUnreadCountStaysExactThroughEveryChange() {
        events.publish(3, tenant, "task.failed", "alice");
        events.publish(3, tenant, "workflow.completed", "alice");
        unreadIs("alice", 6);

        as("alice").post(INBOX + "/" + idOf("alice", 1) + "/read").then().statusCode(204);
        unreadIs("alice", 5);
        as("alice").post(INBOX + "/" + idOf("alice", 1) + "/read").then().statusCode(204);
        unreadIs("alice", 5);
        as("alice").post(INBOX + "/" + idOf("alice", 1) + "/unread").then().statusCode(204);
        unreadIs("alice", 6);

        // Archiving an unread notification takes it out of the count; reading it while archived does not count twice.
        as("alice").post(INBOX + "/" + idOf("alice", 2) + "/archive").then().statusCode(204);
        unreadIs("alice", 5);
        as("alice").post(INBOX + "/" + idOf("alice", 2) + "/archive").then().statusCode(204);
        unreadIs("alice", 5);
        as("alice").post(INBOX + "/" + idOf("alice", 2) + "/read").then().statusCode(204);
        unreadIs("alice", 5);
        as("alice").post(INBOX + "/" + idOf("alice", 2) + "/unarchive").then().statusCode(204);
        unreadIs("alice", 5);
        as("alice").post(INBOX + "/" + idOf("alice", 3) + "/archive").then().statusCode(204);
        unreadIs("alice", 4);
        as("alice").post(INBOX + "/" + idOf("alice", 3) + "/unarchive").then().statusCode(204);
        unreadIs("alice", 5);

        // Deleting counts only what was unread.
        as("alice").delete(INBOX + "/" + idOf("alice", 2)).then().statusCode(204);
        unreadIs("alice", 5);
        as("alice").delete(INBOX + "/" + idOf("alice", 3)).then().statusCode(204);
        unreadIs("alice", 4);

        as("alice").post(INBOX + "/read-all?type=task.*").then().statusCode(204);
        unreadIs("alice", 3);
        assertEquals(List.of(6, 5, 4), seqs("alice", "?unread=true"));

        as("alice").post(INBOX + "/" + idOf("alice", 5) + "/archive").then().statusCode(204);
        unreadIs("alice", 2);
        as("alice").post(INBOX + "/read-all").then().statusCode(204);
        unreadIs("alice", 0);
        // Read-all read the archived one too: unarchiving it brings back nothing unread.
        as("alice").post(INBOX + "/" + idOf("alice", 5) + "/unarchive").then().statusCode(204);
        unreadIs("alice", 0);

        events.publish(tenant, "task.failed", "alice");
        unreadIs("alice", 1);
    }

    @Test
    void anotherUsersNotificationIsMissingAndUnlisted() {
        events.publish(tenant, "task.failed", "bob");
        events.publish(tenant, "task.failed", "alice");
        String bobs = idOf("bob", 1);

        as("alice").get(INBOX + "/" + bobs).then().spec(Problems.notFound());
        as("alice").post(INBOX + "/" + bobs + "/read").then().spec(Problems.notFound());
        as("alice").post(INBOX + "/" + bobs + "/archive").then().spec(Problems.notFound());
        as("alice").post(INBOX + "/" + bobs + "/unarchive").then().spec(Problems.notFound());
        as("alice").post(INBOX + "/" + bobs + "/unread").then().spec(Problems.notFound());
        as("alice").delete(INBOX + "/" + bobs).then().spec(Problems.notFound());
        as("alice").post(INBOX + "/read-all").then().statusCode(204);

        as("alice").get(INBOX).then().statusCode(200).body("items.id", not(hasItem(bobs)))
                .body("items.seq", contains(1));
        as("bob").get(INBOX + "/" + bobs).then().statusCode(200).body("readAt", nullValue()).body("archivedAt", nullValue());
        unreadIs("bob", 1);
    }

    @Test
    void anotherTenantsNotificationIsMissingAndUnlisted() {
        UUID otherTenant = UUID.randomUUID();
        events.publish(otherTenant, "task.failed", "alice");
        String theirs = Requests.as("alice", otherTenant, "member").get(INBOX).then().statusCode(200).extract()
                .path("items[0].id");

        as("alice").get(INBOX + "/" + theirs).then().spec(Problems.notFound());
        as("alice").post(INBOX + "/" + theirs + "/read").then().spec(Problems.notFound());
        as("alice").delete(INBOX + "/" + theirs).then().spec(Problems.notFound());
        as("alice").get(INBOX).then().statusCode(200).body("items", empty());
        unreadIs("alice", 0);
        Requests.as("alice", otherTenant, "member").get(INBOX + "/unread-count").then().statusCode(200).body("unread", is(1));
    }

    @Test
    void aDeletedNotificationIsGoneAndDeletingItAgainFindsNothing() {
        events.publish(2, tenant, "task.failed", "alice");
        String first = idOf("alice", 1);

        as("alice").delete(INBOX + "/" + first).then().statusCode(204);
        as("alice").delete(INBOX + "/" + first).then().spec(Problems.notFound());
        as("alice").get(INBOX + "/" + first).then().spec(Problems.notFound());
        as("alice").post(INBOX + "/" + first + "/read").then().spec(Problems.notFound());
        assertEquals(List.of(2), seqs("alice", ""));
        unreadIs("alice", 1);
    }

    @Test
    void everyRoleHasAnInboxOfItsOwn() {
        List<String> roles = List.of("admin", "member", "viewer", "service");
        List<String> subjects = new ArrayList<>();
        for (String role : roles) {
            String subject = role + "-" + UUID.randomUUID();
            subjects.add(subject);
            events.publish(tenant, "task.failed", subject);
        }
        for (int i = 0; i < roles.size(); i++) {
            Requests.as(subjects.get(i), tenant, roles.get(i)).get(INBOX).then().statusCode(200).body("items.seq", contains(1));
            Requests.as(subjects.get(i), tenant, roles.get(i)).get(INBOX + "/unread-count").then().statusCode(200)
                    .body("unread", is(1));
        }
    }

    @Test
    void aCallerWithoutNotificationsHasAnEmptyInbox() {
        as("nobody").get(INBOX).then().statusCode(200).body("items", empty()).body("nextCursor", nullValue());
        as("nobody").get(INBOX + "/unread-count").then().statusCode(200).body("unread", is(0));
        as("nobody").post(INBOX + "/read-all").then().statusCode(204);
        as("nobody").post(INBOX + "/" + UUID.randomUUID() + "/read").then().spec(Problems.notFound());
    }

    @Test
    void filtersThatCannotBeUnderstoodAreValidationProblems() {
        as("alice").get(INBOX + "?unread=yes").then().spec(Problems.validationFailed()).body("errors[0].field", is("unread"));
        as("alice").get(INBOX + "?archived=1").then().spec(Problems.validationFailed())
                .body("errors[0].field", is("archived"));
        as("alice").get(INBOX + "?type=Task Failed").then().spec(Problems.validationFailed())
                .body("errors[0].field", is("type"));
        as("alice").get(INBOX + "?cursor=bm90LWEtc2Vx").then().spec(Problems.validationFailed())
                .body("errors[0].field", is("cursor"));
        as("alice").post(INBOX + "/read-all?type=task.**").then().spec(Problems.validationFailed())
                .body("errors[0].field", is("type"));
        as("alice").get(INBOX + "/stream?lastEventId=last").then().spec(Problems.validationFailed())
                .body("errors[0].field", is("lastEventId"));
        as("alice").header("Last-Event-ID", "-1").get(INBOX + "/stream").then().spec(Problems.validationFailed())
                .body("errors[0].field", is("Last-Event-ID"));
    }
}
