package dev.flotilla.common.notify;

import dev.flotilla.common.db.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AnnouncerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Db db;

    @Inject
    Announcer announcer;

    @Inject
    PgNotifications notifications;

    private String channel;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void listen() throws InterruptedException {
        channel = "announcer_test_" + UUID.randomUUID().toString().replace("-", "");
        CountDownLatch listening = new CountDownLatch(1);
        notifications.listen(channel, new ChannelListener() {
            @Override
            public void notified(String payload) {
                received.add(payload);
            }

            @Override
            public void subscribed() {
                listening.countDown();
            }
        });
        assertTrue(listening.await(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void anAnnouncementRegisteredInATransactionIsSentOnceItCommits() throws InterruptedException {
        db.tx(tx -> {
            db.afterCommit(tx, () -> announcer.announce(channel, "committed"));
            return Uni.createFrom().voidItem();
        }).await().atMost(WAIT);

        assertEquals("committed", received.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void aTransactionThatRollsBackAnnouncesNothing() throws InterruptedException {
        Uni<Void> failing = db.tx(tx -> {
            db.afterCommit(tx, () -> announcer.announce(channel, "rolled back"));
            return Uni.createFrom().failure(new IllegalArgumentException("the work failed"));
        });
        assertThrows(IllegalArgumentException.class, () -> failing.await().atMost(WAIT));
        announcer.announce(channel, "after");

        assertEquals("after", received.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void repeatsQueuedTogetherAreSentOnce() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            announcer.announce(channel, "wake");
        }
        announcer.announce(channel, "last");

        List<String> seen = new ArrayList<>();
        String next;
        while (!"last".equals(next = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS))) {
            assertTrue(next != null, "the last announcement never came");
            seen.add(next);
        }
        assertTrue(seen.size() < 200, "200 repeats were sent " + seen.size() + " times");
        assertNull(received.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void registeringOutsideATransactionOfDbIsRefused() {
        assertThrows(IllegalStateException.class,
                () -> db.statement(pool -> pool.withTransaction(connection -> {
                    db.afterCommit(connection, () -> {
                    });
                    return Uni.createFrom().voidItem();
                })).await().atMost(WAIT));
    }
}
