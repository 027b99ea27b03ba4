package dev.flotilla.notification.preference;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The caller's own preferences and notification settings. {@code PUT /api/v1/preferences}
 * replaces the whole list (a settings page saving every switch at once);
 * {@code PUT|DELETE /api/v1/preferences/{channel}/{eventType}} sets or forgets one choice (a
 * single switch, without reading the list first).
 */
@Cancellable(false)
@Path("/api/v1/preferences")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.VIEWER, Roles.SERVICE })
public class PreferenceResource {

    private final PreferenceService preferences;
    private final Caller caller;

    public PreferenceResource(PreferenceService preferences, Caller caller) {
        this.preferences = preferences;
        this.caller = caller;
    }

    @GET
    public Uni<PreferenceList> list() {
        return preferences.list(caller.tenant(), caller.subject());
    }

    @PUT
    public Uni<PreferenceList> replace(@NotNull @Valid ReplacePreferences request) {
        return preferences.replace(caller.tenant(), caller.subject(), request);
    }

    @PUT
    @Path("{channel}/{eventType}")
    public Uni<Preference> set(@RestPath String channel, @RestPath String eventType, @NotNull @Valid SetPreference request) {
        return preferences.set(caller.tenant(), caller.subject(), channel, eventType, request.enabled());
    }

    /** 204; 404 when there was no such choice. */
    @DELETE
    @Path("{channel}/{eventType}")
    public Uni<RestResponse<Void>> remove(@RestPath String channel, @RestPath String eventType) {
        return preferences.remove(caller.tenant(), caller.subject(), channel, eventType)
                .map(ignored -> RestResponse.noContent());
    }

    @GET
    @Path("settings")
    public Uni<SettingsView> settings() {
        return preferences.settings(caller.tenant(), caller.subject());
    }

    @PUT
    @Path("settings")
    public Uni<SettingsView> putSettings(@NotNull @Valid PutSettings request) {
        return preferences.putSettings(caller.tenant(), caller.subject(), request);
    }
}
