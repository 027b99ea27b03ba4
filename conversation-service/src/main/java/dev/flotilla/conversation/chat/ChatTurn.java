package dev.flotilla.conversation.chat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * {@code POST /api/v1/conversations/{id}/chat}: the user's message, and how to answer it: streamed as Server-Sent
 * Events or whole, with passages of the user's knowledge collections, with another model than the conversation's.
 */
public record ChatTurn(
        @NotBlank String content,
        Boolean stream,
        @Valid Knowledge knowledge,
        @Size(max = 200) String model,
        @DecimalMin("0") @DecimalMax("2") Double temperature) {

    /** The collections (search-service ids) to retrieve passages from, and how many passages at most. */
    public record Knowledge(
            @NotNull @Size(min = 1, max = 10) List<@NotBlank @Size(max = 200) String> collections,
            @Min(1) @Max(20) Integer k) {

        static final int DEFAULT_PASSAGES = 5;

        int passages() {
            return k == null ? DEFAULT_PASSAGES : k;
        }
    }

    boolean streamed() {
        return Boolean.TRUE.equals(stream);
    }
}
