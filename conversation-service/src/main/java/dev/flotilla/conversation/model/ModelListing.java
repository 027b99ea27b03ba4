package dev.flotilla.conversation.model;

import java.util.List;

/** The configured providers and their models ({@code GET /api/v1/models}). */
public record ModelListing(List<Provider> items) {

    /**
     * A provider: its name, whether calls that name none go to it, the model it uses when a call
     * names none, and every model it is configured with.
     */
    public record Provider(String name, boolean isDefault, String model, List<String> models) {
    }
}
