package dev.flotilla.notification.topic;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Topics of the caller's tenant: subscribe to one (yourself, or, as an admin or a service,
 * anyone), leave it, list a topic's subscribers and your own subscriptions.
 */
@Cancellable(false)
@Path("/api/v1/topics")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER, Roles.VIEWER, Roles.SERVICE })
public class TopicResource {

    private final TopicService topics;
    private final Caller caller;

    public TopicResource(TopicService topics, Caller caller) {
        this.topics = topics;
        this.caller = caller;
    }

    /** 201 with the new subscription; 200 with the existing one when it was there already. */
    @POST
    @Path("{key}/subscribers")
    public Uni<RestResponse<Subscription>> subscribe(@RestPath String key, @Valid Subscribe request, UriInfo uri) {
        return topics.subscribe(caller, key, request)
                .map(subscribed -> subscribed.created()
                        ? RestResponse.ResponseBuilder.<Subscription> created(
                                uri.getAbsolutePathBuilder().path(subscribed.subscription().subscriber()).build())
                                .entity(subscribed.subscription())
                                .build()
                        : RestResponse.ok(subscribed.subscription()));
    }

    @GET
    @Path("{key}/subscribers")
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    public Uni<Page<Subscription>> subscribers(@RestPath String key, @BeanParam @Valid PageParams page) {
        return topics.subscribers(caller.tenant(), key, page);
    }

    /** 204; 404 when {@code subscriber} does not follow the topic. */
    @DELETE
    @Path("{key}/subscribers/{subscriber}")
    public Uni<Void> unsubscribe(@RestPath String key, @RestPath String subscriber) {
        return topics.unsubscribe(caller, key, subscriber);
    }

    /** The topics the caller follows. */
    @GET
    @Path("subscriptions")
    public Uni<Page<Subscription>> subscriptions(@BeanParam @Valid PageParams page) {
        return topics.subscriptions(caller, page);
    }
}
