package dev.flotilla.common.correlation;

import dev.flotilla.common.id.Ids;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Assigns every request its id before routing, and echoes it on the response. */
public class RequestIdFilters {

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String offered = request.getHeaderString(RequestIds.HEADER);
        String id = RequestIds.acceptable(offered) ? offered : Ids.next().toString();
        MDC.put(RequestIds.MDC_KEY, id);
        request.setProperty(RequestIds.MDC_KEY, id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(RequestIds.MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(RequestIds.HEADER, id);
        }
    }
}
