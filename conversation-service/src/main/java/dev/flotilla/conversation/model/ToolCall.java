package dev.flotilla.conversation.model;

/** A function the model asks to call, with its arguments as the JSON text the model wrote. */
public record ToolCall(String id, String type, Function function) {

    public static ToolCall function(String id, String name, String arguments) {
        return new ToolCall(id, "function", new Function(name, arguments));
    }

    public record Function(String name, String arguments) {
    }
}
