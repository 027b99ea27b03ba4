package dev.flotilla.conversation.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SseEventsTest {

    @Test
    void eventsCutAnywhereAreReadWholeWithTheirCharacters() {
        byte[] body = "data: {\"c\":\"é😀\"}\n\n: keep-alive\n\ndata: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);
        SseEvents sse = new SseEvents();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < body.length; i++) {
            events.addAll(sse.feed(Arrays.copyOfRange(body, i, i + 1)));
        }
        events.addAll(sse.finish());

        assertEquals(List.of("{\"c\":\"é😀\"}", "[DONE]"), events);
    }

    @Test
    void dataLinesOfOneEventAreJoinedAndCarriageReturnsDropped() {
        SseEvents sse = new SseEvents();

        List<String> events = sse.feed("event: x\r\ndata: one\r\ndata:two\r\n\r\n".getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("one\ntwo"), events);
    }

    @Test
    void anEventTheBodyEndsWithoutABlankLineAfterIsKept() {
        SseEvents sse = new SseEvents();
        sse.feed("data: last".getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("last"), sse.finish());
    }
}
