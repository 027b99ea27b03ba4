package dev.flotilla.conversation.model;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static dev.flotilla.conversation.model.LocalModelServerResource.FLAKY;
import static dev.flotilla.conversation.model.LocalModelServerResource.FRAGILE;
import static dev.flotilla.conversation.model.LocalModelServerResource.LOCAL;
import static dev.flotilla.conversation.model.LocalModelServerResource.OTHER;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model client against a real local OpenAI-wire server: answers, streams, retries, breaker, cancellation. */
@QuarkusTest
@QuarkusTestResource(LocalModelServerResource.class)
class ModelClientTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    ModelClient models;

    LocalModelServer server;

    @AfterEach
    void forgetScripts() {
        List.of(LOCAL, OTHER, FLAKY, FRAGILE).forEach(server::reset);
    }

    private static ChatRequest ask(String text) {
        return ChatRequest.of(List.of(ChatMessage.system("Be brief."), ChatMessage.user(text)));
    }

    private List<ChatEvent> streamed(String provider, ChatRequest request) {
        return models.stream(provider, request).collect().asList().await().atMost(WAIT);
    }

    @Test
    void aWholeAnswerCarriesTheMessageAndTheUsage() {
        ChatCompletion answer = models.complete("local", ask("hello world")).await().atMost(WAIT);

        assertEquals("You said: hello world", answer.message().content());
        assertEquals("assistant", answer.message().role());
        assertEquals("stop", answer.choices().get(0).finishReason());
        assertEquals(new Usage(4, 4, 8), answer.usage());
        assertEquals("echo-1", server.last(LOCAL).body().getString("model"));
    }

    @Test
    void streamedDeltasJoinToTheAnswerAndTheUsageComesLast() {
        List<ChatEvent> events = streamed("local", ask("tell me more"));

        String text = events.stream().filter(ChatEvent.ContentDelta.class::isInstance)
                .map(e -> ((ChatEvent.ContentDelta) e).content()).reduce("", String::concat);
        assertEquals("You said: tell me more", text);
        assertTrue(events.stream().filter(ChatEvent.ContentDelta.class::isInstance).count() > 1, "several deltas");
        assertInstanceOf(ChatEvent.Started.class, events.get(0));
        assertEquals(new ChatEvent.Finished(0, "stop"), events.get(events.size() - 2));
        assertEquals(new ChatEvent.UsageReport(new Usage(5, 5, 10)), events.get(events.size() - 1));
    }

    @Test
    void aStreamedCallAsksForTheUsageInTheStream() {
        streamed("local", ask("hi"));

        var body = server.last(LOCAL).body();
        assertEquals(true, body.getBoolean("stream"));
        assertEquals(true, body.getJsonObject("stream_options").getBoolean("include_usage"));
        assertEquals("text/event-stream", server.last(LOCAL).headers().get("accept"));
    }

    @Test
    void toolCallFragmentsAreAssembledIntoWholeCalls() {
        server.enqueue(LOCAL, LocalModelServer.Reply.toolCalls(
                "get_weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}",
                "get_time", "{\"zone\":\"Europe/Paris\"}"));

        List<ChatEvent> events = streamed("local", ask("weather and time in Paris?"));

        List<ChatEvent> calls = events.stream().filter(ChatEvent.ToolCallReady.class::isInstance).toList();
        assertEquals(List.of(
                new ChatEvent.ToolCallReady(0, 0, ToolCall.function("call_0", "get_weather",
                        "{\"city\":\"Paris\",\"unit\":\"celsius\"}")),
                new ChatEvent.ToolCallReady(0, 1, ToolCall.function("call_1", "get_time", "{\"zone\":\"Europe/Paris\"}"))),
                calls);
        assertTrue(events.contains(new ChatEvent.Finished(0, "tool_calls")));
        assertTrue(events.indexOf(calls.get(1)) < events.indexOf(new ChatEvent.Finished(0, "tool_calls")),
                "calls are told before the choice's end");
    }

    @Test
    void a429WithRetryAfterIsRetriedOnceAfterTheWaitAndThenAnswers() {
        server.enqueue(FLAKY, LocalModelServer.Reply.status(429, "Rate limit reached").retryAfter("1"));

        ChatCompletion answer = models.complete("flaky", ask("again")).await().atMost(WAIT);

        assertEquals("You said: again", answer.message().content());
        List<LocalModelServer.Received> received = server.received(FLAKY);
        assertEquals(2, received.size());
        Duration waited = Duration.between(received.get(0).at(), received.get(1).at());
        assertTrue(waited.toMillis() >= 900, "waited as Retry-After asked, not " + waited);
    }

    @Test
    void aRetryAfterAsAnHttpDateIsHonouredInAStream() {
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
        server.enqueue(FLAKY, LocalModelServer.Reply.status(503, "Overloaded").retryAfter(inTwoSeconds));

        List<ChatEvent> events = streamed("flaky", ask("later"));

        assertTrue(events.contains(new ChatEvent.Finished(0, "stop")));
        List<LocalModelServer.Received> received = server.received(FLAKY);
        assertEquals(2, received.size());
        assertTrue(Duration.between(received.get(0).at(), received.get(1).at()).toMillis() >= 900);
    }

    @Test
    void aProviderAnswering503AgainAndAgainFailsAfterBoundedRetries() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(FLAKY, LocalModelServer.Reply.status(503, "The engine is currently overloaded"));
        }

        ModelUnavailable failure = assertThrows(ModelUnavailable.class,
                () -> models.complete("flaky", ask("anyone?")).await().atMost(WAIT));

        assertEquals("flaky", failure.provider());
        assertTrue(failure.getMessage().contains("503: The engine is currently overloaded"), failure.getMessage());
        assertEquals(3, server.received(FLAKY).size(), "the first attempt and two retries");
    }

    @Test
    void theBreakerOpensAfterRepeatedFailuresAndCallsNoLongerReachTheProvider() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(FRAGILE, LocalModelServer.Reply.status(500, "internal error"));
        }
        for (int i = 0; i < 4; i++) {
            assertThrows(ModelUnavailable.class, () -> models.complete("fragile", ask("x")).await().atMost(WAIT));
        }

        ModelUnavailable refused = assertThrows(ModelUnavailable.class,
                () -> models.stream("fragile", ask("x")).collect().asList().await().atMost(WAIT));

        assertTrue(refused.getMessage().contains("'fragile' is unavailable"), refused.getMessage());
        assertEquals(4, server.received(FRAGILE).size());
    }

    @Test
    void cancellingAStreamClosesTheConnectionToTheProvider() throws Exception {
        server.enqueue(LOCAL, LocalModelServer.Reply.endless().chunkDelay(Duration.ofMillis(20)));

        List<ChatEvent> firstEvents = models.stream("local", ask("go on forever"))
                .select().first(4).collect().asList().await().atMost(WAIT);

        assertEquals(4, firstEvents.size());
        server.last(LOCAL).closedEarly().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void aNamedProviderIsChosenByName() {
        models.complete("other", ask("which one?")).await().atMost(WAIT);

        assertEquals("echo-2", server.last(OTHER).body().getString("model"));
        assertTrue(server.received(LOCAL).isEmpty());
    }

    @Test
    void aModelListedByAProviderIsSentToIt() {
        models.complete(null, ask("small one").withModel("echo-2-mini")).await().atMost(WAIT);

        assertEquals("echo-2-mini", server.last(OTHER).body().getString("model"));
    }

    @Test
    void theApiKeyIsSentAsABearerToken() {
        models.complete("local", ask("key?")).await().atMost(WAIT);
        models.complete("other", ask("key?")).await().atMost(WAIT);

        assertEquals("Bearer " + LocalModelServerResource.LOCAL_KEY, server.last(LOCAL).authorization());
        assertEquals("Bearer " + LocalModelServerResource.OTHER_KEY, server.last(OTHER).authorization());
    }

    @Test
    void aProviderSilentPastTheFirstByteTimeoutIsUnavailable() {
        server.enqueue(FLAKY, LocalModelServer.Reply.echo().firstByteDelay(Duration.ofSeconds(3)));

        ModelUnavailable failure = assertThrows(ModelUnavailable.class,
                () -> models.stream("flaky", ask("slow")).collect().asList().await().atMost(WAIT));

        assertTrue(failure.getMessage().contains("sent no answer within 1 s"), failure.getMessage());
        server.last(FLAKY).closedEarly().join();
    }

    @Test
    void aStreamStartsWithTheAnswersIdAndModel() {
        List<ChatEvent> events = streamed("other", ask("one two three"));

        ChatEvent.Started started = assertInstanceOf(ChatEvent.Started.class, events.get(0));
        assertEquals("echo-2", started.model());
        assertTrue(started.id().startsWith("chatcmpl-"), started.id());
    }

    @Test
    void aStreamThatFallsSilentFailsAfterTheIdleTimeoutKeepingWhatCame() {
        server.enqueue(FLAKY, LocalModelServer.Reply.echo().stallAfter(3));
        AtomicReference<Throwable> failure = new AtomicReference<>();

        List<ChatEvent> events = models.stream("flaky", ask("and then silence"))
                .onFailure().invoke(failure::set).onFailure().recoverWithCompletion()
                .collect().asList().await().atMost(WAIT);

        assertTrue(events.contains(new ChatEvent.ContentDelta(0, "You")), events.toString());
        ModelUnavailable unavailable = assertInstanceOf(ModelUnavailable.class, failure.get());
        assertTrue(unavailable.getMessage().contains("stopped mid-answer: flaky fell silent for 1 s"),
                unavailable.getMessage());
        assertEquals(1, server.received(FLAKY).size(), "never asked again once part of it was handed on");
        server.last(FLAKY).closedEarly().join();
    }

    @Test
    void aStreamTheProviderCutsOffIsUnavailableAndNotAskedAgain() {
        server.enqueue(FLAKY, LocalModelServer.Reply.echo().dropAfter(3));

        ModelUnavailable failure = assertThrows(ModelUnavailable.class,
                () -> models.stream("flaky", ask("cut me off")).collect().asList().await().atMost(WAIT));

        assertTrue(failure.getMessage().contains("'flaky' stopped mid-answer"), failure.getMessage());
        assertEquals(1, server.received(FLAKY).size());
    }

    @Test
    void aProviderNobodyListensForIsUnavailable() {
        ModelUnavailable failure = assertThrows(ModelUnavailable.class,
                () -> models.complete("absent", ask("hello?")).await().atMost(WAIT));

        assertEquals("absent", failure.provider());
        assertTrue(failure.getMessage().contains("'absent' cannot be reached"), failure.getMessage());
    }

    @Test
    void cancellingAStreamBeforeItsFirstTokenClosesTheConnectionToo() throws Exception {
        server.enqueue(LOCAL, LocalModelServer.Reply.echo().firstByteDelay(Duration.ofSeconds(5)));

        Cancellable subscription = models.stream("local", ask("think first")).subscribe().with(event -> {
        });
        await().atMost(WAIT).until(() -> !server.received(LOCAL).isEmpty());
        subscription.cancel();

        server.last(LOCAL).closedEarly().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}
