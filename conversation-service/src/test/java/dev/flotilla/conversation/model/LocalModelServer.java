package dev.flotilla.conversation.model;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real model server on a free local port, speaking the OpenAI Chat Completions wire:
 * {@code POST <prefix>/chat/completions}, whole answers or Server-Sent Events of
 * {@code chat.completion.chunk}s with small delays, the usage chunk last and {@code [DONE]}.
 * Several providers share it by path prefix ({@code /local/v1}, {@code /flaky/v1}); each prefix has
 * its own queue of scripted {@link Reply}s, and without one the server echoes the last user
 * message ({@value #ECHO}{@code <text>}). Usage is deterministic: prompt tokens are the words of
 * all messages, completion tokens the pieces of the answer. Every request is recorded with its
 * headers and body, and whether its connection was closed before the answer ended.
 */
public final class LocalModelServer implements AutoCloseable {

    /** What an echo answer starts with. */
    public static final String ECHO = "You said: ";

    private final Vertx vertx;
    private final HttpServer server;
    private final Map<String, Queue<Reply>> scripts = new ConcurrentHashMap<>();
    private final Deque<Received> received = new ConcurrentLinkedDeque<>();
    private final AtomicLong ids = new AtomicLong();

    private LocalModelServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /** Starts a server on a free port of 127.0.0.1. */
    public static LocalModelServer start() {
        Vertx vertx = Vertx.vertx();
        LocalModelServer[] holder = new LocalModelServer[1];
        HttpServer server = vertx.createHttpServer().requestHandler(request -> holder[0].handle(request));
        holder[0] = new LocalModelServer(vertx, server);
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("The local model server did not start", e);
        }
        return holder[0];
    }

    public int port() {
        return server.actualPort();
    }

    /** The base URL of a provider at this prefix, e.g. {@code baseUrl("/local/v1")}. */
    public String baseUrl(String prefix) {
        return "http://127.0.0.1:" + port() + prefix;
    }

    /** The next requests to this prefix get these replies, in order; then echoes again. */
    public LocalModelServer enqueue(String prefix, Reply... replies) {
        scripts.computeIfAbsent(prefix, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(replies));
        return this;
    }

    /** The requests received at this prefix, oldest first. */
    public List<Received> received(String prefix) {
        return received.stream().filter(r -> r.prefix().equals(prefix)).toList();
    }

    /** The latest request received at this prefix. */
    public Received last(String prefix) {
        List<Received> all = received(prefix);
        if (all.isEmpty()) {
            throw new AssertionError("No request reached " + prefix);
        }
        return all.get(all.size() - 1);
    }

    /** Forgets scripts and records of this prefix. */
    public void reset(String prefix) {
        scripts.remove(prefix);
        received.removeIf(r -> r.prefix().equals(prefix));
    }

    @Override
    public void close() {
        server.close();
        vertx.close();
    }

    /**
     * One request as it arrived: where, its headers (names lower-case), its JSON body, when, and
     * {@link #closedEarly()}, completed if the client closed the connection before the answer ended.
     */
    public record Received(String prefix, Map<String, String> headers, JsonObject body, Instant at,
            CompletableFuture<Void> closedEarly) {

        public String authorization() {
            return headers.get("authorization");
        }

        public boolean streamed() {
            return body.getBoolean("stream", false);
        }
    }

    /** A scripted answer; build with the static methods, adjust with the others. */
    public static final class Reply {

        private int status = 200;
        private String error;
        private String retryAfter;
        private String content;
        private final List<String[]> toolCalls = new ArrayList<>();
        private Duration firstByteDelay = Duration.ZERO;
        private Duration chunkDelay = Duration.ofMillis(5);
        private boolean endless;
        private int cutAfter = -1;
        private boolean drop;

        private Reply() {
        }

        /** The echo of the last user message. */
        public static Reply echo() {
            return new Reply();
        }

        /** This answer, streamed word by word. */
        public static Reply content(String content) {
            Reply reply = new Reply();
            reply.content = content;
            return reply;
        }

        /** A failure status with an OpenAI error body carrying this message. */
        public static Reply status(int status, String message) {
            Reply reply = new Reply();
            reply.status = status;
            reply.error = message;
            return reply;
        }

        /** A stream that never ends: a piece every chunk delay until the client goes away. */
        public static Reply endless() {
            Reply reply = new Reply();
            reply.endless = true;
            return reply;
        }

        /** Calls of these functions, {@code name, arguments} pairs; streamed in fragments. */
        public static Reply toolCalls(String... nameThenArguments) {
            Reply reply = new Reply();
            for (int i = 0; i + 1 < nameThenArguments.length; i += 2) {
                reply.toolCalls.add(new String[] { nameThenArguments[i], nameThenArguments[i + 1] });
            }
            return reply;
        }

        /** After this many chunks, silence with the connection open. */
        public Reply stallAfter(int chunks) {
            this.cutAfter = chunks;
            return this;
        }

        /** After this many chunks, the connection closed without an end. */
        public Reply dropAfter(int chunks) {
            this.cutAfter = chunks;
            this.drop = true;
            return this;
        }

        public Reply retryAfter(String value) {
            this.retryAfter = value;
            return this;
        }

        /** Silence before the status line. */
        public Reply firstByteDelay(Duration delay) {
            this.firstByteDelay = delay;
            return this;
        }

        public Reply chunkDelay(Duration delay) {
            this.chunkDelay = delay;
            return this;
        }
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (!"POST".equals(request.method().name()) || !path.endsWith("/chat/completions")) {
            request.response().setStatusCode(404).putHeader("content-type", "application/json")
                    .end(errorBody("no such endpoint: " + request.method() + " " + path, "invalid_request_error"));
            return;
        }
        String prefix = path.substring(0, path.length() - "/chat/completions".length());
        request.body().onSuccess(buffer -> {
            Map<String, String> headers = new LinkedHashMap<>();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            JsonObject body = buffer.length() == 0 ? new JsonObject() : buffer.toJsonObject();
            Received record = new Received(prefix, Collections.unmodifiableMap(headers), body, Instant.now(),
                    new CompletableFuture<>());
            received.add(record);
            HttpServerResponse response = request.response();
            response.closeHandler(closed -> {
                if (!response.ended()) {
                    record.closedEarly().complete(null);
                }
            });
            Queue<Reply> script = scripts.get(prefix);
            Reply reply = script == null || script.isEmpty() ? Reply.echo() : script.poll();
            after(reply.firstByteDelay, () -> answer(reply, record, response));
        });
    }

    private void answer(Reply reply, Received request, HttpServerResponse response) {
        if (response.closed()) {
            return;
        }
        if (reply.status != 200) {
            if (reply.retryAfter != null) {
                response.putHeader("retry-after", reply.retryAfter);
            }
            response.setStatusCode(reply.status).putHeader("content-type", "application/json")
                    .end(errorBody(reply.error, reply.status == 429 ? "rate_limit_exceeded" : "server_error"));
            return;
        }
        String id = "chatcmpl-" + ids.incrementAndGet();
        String model = request.body().getString("model", "local");
        List<String> pieces = pieces(reply.content != null ? reply.content : ECHO + lastUserText(request.body()));
        JsonObject usage = usage(request.body(), reply.toolCalls.isEmpty() ? pieces.size() : reply.toolCalls.size());
        if (!request.streamed()) {
            response.putHeader("content-type", "application/json").end(completion(id, model, reply, pieces, usage).encode());
            return;
        }
        response.setChunked(true).putHeader("content-type", "text/event-stream").putHeader("cache-control", "no-cache");
        List<JsonObject> chunks = new ArrayList<>();
        chunks.add(chunk(id, model, new JsonObject().put("role", "assistant").put("content", ""), null));
        if (reply.toolCalls.isEmpty()) {
            pieces.forEach(piece -> chunks.add(chunk(id, model, new JsonObject().put("content", piece), null)));
            chunks.add(chunk(id, model, new JsonObject(), "stop"));
        } else {
            toolCallFragments(reply).forEach(fragment -> chunks.add(chunk(id, model,
                    new JsonObject().put("tool_calls", new JsonArray().add(fragment)), null)));
            chunks.add(chunk(id, model, new JsonObject(), "tool_calls"));
        }
        JsonObject last = new JsonObject().put("id", id).put("object", "chat.completion.chunk")
                .put("created", Instant.now().getEpochSecond()).put("model", model)
                .put("choices", new JsonArray()).put("usage", usage);
        if (reply.endless) {
            response.write(event(chunks.get(0).encode()));
            endless(id, model, reply.chunkDelay, response, 0);
            return;
        }
        chunks.add(last);
        send(chunks, 0, reply, response);
    }

    private void send(List<JsonObject> chunks, int next, Reply reply, HttpServerResponse response) {
        if (response.closed()) {
            return;
        }
        if (next == reply.cutAfter) {
            if (reply.drop) {
                response.reset();
            }
            return;
        }
        if (next == chunks.size()) {
            response.end(event("[DONE]"));
            return;
        }
        response.write(event(chunks.get(next).encode()));
        after(reply.chunkDelay, () -> send(chunks, next + 1, reply, response));
    }

    private void endless(String id, String model, Duration delay, HttpServerResponse response, int count) {
        if (response.closed()) {
            return;
        }
        response.write(event(chunk(id, model, new JsonObject().put("content", "more " + count + " "), null).encode()));
        after(delay, () -> endless(id, model, delay, response, count + 1));
    }

    private void after(Duration delay, Runnable action) {
        if (delay.isZero()) {
            action.run();
        } else {
            vertx.setTimer(delay.toMillis(), t -> action.run());
        }
    }

    private JsonObject completion(String id, String model, Reply reply, List<String> pieces, JsonObject usage) {
        JsonObject message = new JsonObject().put("role", "assistant").putNull("refusal");
        if (reply.toolCalls.isEmpty()) {
            message.put("content", String.join("", pieces));
        } else {
            JsonArray calls = new JsonArray();
            for (int i = 0; i < reply.toolCalls.size(); i++) {
                calls.add(new JsonObject().put("id", callId(i)).put("type", "function")
                        .put("function", new JsonObject().put("name", reply.toolCalls.get(i)[0])
                                .put("arguments", reply.toolCalls.get(i)[1])));
            }
            message.putNull("content").put("tool_calls", calls);
        }
        return new JsonObject().put("id", id).put("object", "chat.completion")
                .put("created", Instant.now().getEpochSecond()).put("model", model)
                .put("choices", new JsonArray().add(new JsonObject().put("index", 0).put("message", message)
                        .putNull("logprobs").put("finish_reason", reply.toolCalls.isEmpty() ? "stop" : "tool_calls")))
                .put("usage", usage);
    }

    private static JsonObject chunk(String id, String model, JsonObject delta, String finishReason) {
        JsonObject choice = new JsonObject().put("index", 0).put("delta", delta).putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return new JsonObject().put("id", id).put("object", "chat.completion.chunk")
                .put("created", Instant.now().getEpochSecond()).put("model", model)
                .put("choices", new JsonArray().add(choice)).putNull("usage");
    }

    /** Each call as a first fragment with id and name, then its arguments in three parts. */
    private static List<JsonObject> toolCallFragments(Reply reply) {
        List<JsonObject> fragments = new ArrayList<>();
        for (int i = 0; i < reply.toolCalls.size(); i++) {
            String name = reply.toolCalls.get(i)[0];
            String arguments = reply.toolCalls.get(i)[1];
            fragments.add(new JsonObject().put("index", i).put("id", callId(i)).put("type", "function")
                    .put("function", new JsonObject().put("name", name).put("arguments", "")));
            int third = Math.max(1, arguments.length() / 3);
            for (int start = 0; start < arguments.length(); start += third) {
                String part = arguments.substring(start, Math.min(arguments.length(), start + third));
                fragments.add(new JsonObject().put("index", i).put("function", new JsonObject().put("arguments", part)));
            }
        }
        return fragments;
    }

    private static String callId(int index) {
        return "call_" + index;
    }

    /** The text cut before each space, so the pieces join to the text. */
    private static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) == ' ') {
                pieces.add(text.substring(start, i));
                start = i;
            }
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }

    private static String lastUserText(JsonObject body) {
        JsonArray messages = body.getJsonArray("messages", new JsonArray());
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonObject message = messages.getJsonObject(i);
            if ("user".equals(message.getString("role"))) {
                return message.getString("content", "");
            }
        }
        return "";
    }

    private static JsonObject usage(JsonObject body, int completionTokens) {
        int prompt = 0;
        for (Object message : body.getJsonArray("messages", new JsonArray())) {
            String content = ((JsonObject) message).getString("content");
            if (content != null && !content.isBlank()) {
                prompt += content.trim().split("\\s+").length;
            }
        }
        return new JsonObject().put("prompt_tokens", prompt).put("completion_tokens", completionTokens)
                .put("total_tokens", prompt + completionTokens);
    }

    private static String event(String data) {
        return "data: " + data + "\n\n";
    }

    private static String errorBody(String message, String type) {
        return new JsonObject().put("error", new JsonObject().put("message", message).put("type", type)
                .putNull("param").putNull("code")).encode();
    }
}
