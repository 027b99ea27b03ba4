package dev.flotilla.health.page;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Answers 404 for a page that is not published before a stream of it starts: once an event stream has begun, its
 * status can no longer say so.
 */
public class PublishedPageFilter {

    /** Marks the operations whose {@code slug} must name a published page before they run. */
    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.TYPE, ElementType.METHOD })
    @interface Published {
    }

    private final StatusPageService pages;

    PublishedPageFilter(StatusPageService pages) {
        this.pages = pages;
    }

    @Published
    @ServerRequestFilter
    Uni<Void> requirePublished(ContainerRequestContext request) {
        return pages.published(request.getUriInfo().getPathParameters().getFirst("slug")).replaceWithVoid();
    }
}
