package dev.flotilla.conversation.message;

import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.conversation.model.ToolCall;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the messages to append: one 400 naming every bad field, as {@code role} for a single message and
 * {@code messages[2].role} in a batch.
 */
final class MessageRules {

    static final int MAX_NAME = 200;
    static final int MAX_TOOL_CALLS = 128;
    static final int MAX_METADATA_BYTES = 16 * 1024;
    static final int MAX_TOKEN_COUNT = 100_000_000;

    private MessageRules() {
    }

    /** A message checked: its role parsed. */
    record Checked(MessageRole role, NewMessage message) {
    }

    static List<Checked> checked(PostMessages request, MessageConfig config) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw invalid(List.of(new Problem.FieldError("role", "is required")));
        }
        List<NewMessage> batch;
        String prefix;
        if (request.isBatch()) {
            if (request.hasSingleFields()) {
                throw invalid(List.of(new Problem.FieldError("messages",
                        "either one message's fields or messages, not both")));
            }
            if (request.messages().isEmpty() || request.messages().size() > config.maxBatch()) {
                throw invalid(List.of(new Problem.FieldError("messages",
                        "must hold 1 to " + config.maxBatch() + " messages")));
            }
            batch = request.messages();
            prefix = "messages[%d].";
        } else {
            batch = List.of(request.single());
            prefix = "";
        }
        List<Checked> checked = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            checked.add(message(batch.get(i), prefix.formatted(i), config, errors));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return checked;
    }

    private static Checked message(NewMessage m, String at, MessageConfig config, List<Problem.FieldError> errors) {
        if (m == null) {
            errors.add(new Problem.FieldError(at.isEmpty() ? "messages" : at.substring(0, at.length() - 1),
                    "must be a message"));
            return null;
        }
        MessageRole role = MessageRole.of(m.role());
        if (role == null) {
            errors.add(new Problem.FieldError(at + "role", "must be one of user, assistant, system, tool"));
        }
        boolean hasToolCalls = m.toolCalls() != null && !m.toolCalls().isEmpty();
        if (m.content() == null && !(role == MessageRole.ASSISTANT && hasToolCalls)) {
            errors.add(new Problem.FieldError(at + "content", "is required (unless an assistant's message has toolCalls)"));
        } else if (m.content() != null && m.content().getBytes(StandardCharsets.UTF_8).length > config.maxContentSize()
                .asLongValue()) {
            errors.add(new Problem.FieldError(at + "content",
                    "must be at most " + config.maxContentSize().asLongValue() + " bytes in UTF-8"));
        }
        if (m.model() != null && (m.model().isBlank() || m.model().length() > MAX_NAME)) {
            errors.add(new Problem.FieldError(at + "model", "must be 1 to " + MAX_NAME + " characters, or absent"));
        }
        if (m.toolCalls() != null) {
            toolCalls(m.toolCalls(), role, at, errors);
        }
        if (role == MessageRole.TOOL && (m.toolCallId() == null || m.toolCallId().isBlank())) {
            errors.add(new Problem.FieldError(at + "toolCallId", "is required for a tool's message"));
        } else if (role != MessageRole.TOOL && m.toolCallId() != null) {
            errors.add(new Problem.FieldError(at + "toolCallId", "is only for a tool's message"));
        } else if (m.toolCallId() != null && m.toolCallId().length() > MAX_NAME) {
            errors.add(new Problem.FieldError(at + "toolCallId", "must be at most " + MAX_NAME + " characters"));
        }
        if (m.metadata() != null && new JsonObject(m.metadata()).encode().length() > MAX_METADATA_BYTES) {
            errors.add(new Problem.FieldError(at + "metadata", "must be at most " + MAX_METADATA_BYTES + " bytes as JSON"));
        }
        if (m.tokenCount() != null && (m.tokenCount() < 0 || m.tokenCount() > MAX_TOKEN_COUNT)) {
            errors.add(new Problem.FieldError(at + "tokenCount", "must be 0 to " + MAX_TOKEN_COUNT + ", or absent"));
        }
        return new Checked(role, m);
    }

    private static void toolCalls(List<ToolCall> calls, MessageRole role, String at, List<Problem.FieldError> errors) {
        if (role != MessageRole.ASSISTANT) {
            errors.add(new Problem.FieldError(at + "toolCalls", "are only for an assistant's message"));
            return;
        }
        if (calls.size() > MAX_TOOL_CALLS) {
            errors.add(new Problem.FieldError(at + "toolCalls", "must be at most " + MAX_TOOL_CALLS + " calls"));
            return;
        }
        for (int i = 0; i < calls.size(); i++) {
            ToolCall call = calls.get(i);
            String field = at + "toolCalls[" + i + "]";
            if (call == null || call.id() == null || call.id().isBlank() || call.id().length() > MAX_NAME) {
                errors.add(new Problem.FieldError(field + ".id", "must be 1 to " + MAX_NAME + " characters"));
            }
            if (call != null && !"function".equals(call.type())) {
                errors.add(new Problem.FieldError(field + ".type", "must be function"));
            }
            if (call != null && (call.function() == null || call.function().name() == null
                    || call.function().name().isBlank() || call.function().name().length() > MAX_NAME)) {
                errors.add(new Problem.FieldError(field + ".function.name", "must be 1 to " + MAX_NAME + " characters"));
            }
            if (call != null && call.function() != null && call.function().arguments() == null) {
                errors.add(new Problem.FieldError(field + ".function.arguments", "is required (JSON text)"));
            }
        }
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(ProblemType.VALIDATION_FAILED,
                "The messages are not valid: " + errors.get(0).field() + " " + errors.get(0).message(), errors);
    }
}
