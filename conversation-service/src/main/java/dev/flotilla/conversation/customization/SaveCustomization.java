package dev.flotilla.conversation.customization;

/**
 * {@code POST} and {@code PUT} of a prompt customization: {@code instructions} required; {@code name} defaults to
 * {@code default}, {@code enabled} to true.
 */
public record SaveCustomization(String name, String instructions, Boolean enabled) {
}
