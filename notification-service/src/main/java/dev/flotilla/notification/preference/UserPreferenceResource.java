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
 * Another user's preferences and settings, in the caller's tenant: the same operations as
 * {@link PreferenceResource}, for admins and services only (members and viewers manage their own).
 */
@Cancellable(false)
@Path("/api/v1/user-preferences/{userId}")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
public class UserPreferenceResource {

    private final PreferenceService preferences;
    private final Caller caller;

    public UserPreferenceResource(PreferenceService preferences, Caller caller) {
        this.preferences = preferences;
        this.caller = caller;
    }

    @GET
    public Uni<PreferenceList> list(@RestPath String userId) {
        return preferences.list(caller.tenant(), userId);
    }

    @PUT
    public Uni<PreferenceList> replace(@RestPath String userId, @NotNull @Valid ReplacePreferences request) {
        return preferences.replace(caller.tenant(), userId, request);
    }

    @PUT
    @Path("{channel}/{eventType}")
    public Uni<Preference> set(@RestPath String userId, @RestPath String channel, @RestPath String eventType,
            @NotNull @Valid SetPreference request) {
        return preferences.set(caller.tenant(), userId, channel, eventType, request.enabled());
    }

    @DELETE
    @Path("{channel}/{eventType}")
    public Uni<RestResponse<Void>> remove(@RestPath String userId, @RestPath String channel, @RestPath String eventType) {
        return preferences.remove(caller.tenant(), userId, channel, eventType).map(ignored -> RestResponse.noContent());
    }

    @GET
    @Path("settings")
    public Uni<SettingsView> settings(@RestPath String userId) {
        return preferences.settings(caller.tenant(), userId);
    }

    @PUT
    @Path("settings")
    public Uni<SettingsView> putSettings(@RestPath String userId, @NotNull @Valid PutSettings request) {
        return preferences.putSettings(caller.tenant(), userId, request);
    }
}
