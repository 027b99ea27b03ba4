package dev.flotilla.common.client;

import dev.flotilla.common.correlation.RequestIds;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Headers every call to another service carries: the caller's bearer token (the service acts
 * for the user) unless the client set its own, and the request id, so one request can be
 * followed through every service's log. Register on a client with
 * {@code @RegisterClientHeaders(PropagatedHeaders.class)}.
 */
public class PropagatedHeaders implements ClientHeadersFactory {

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (!outgoing.containsKey(HttpHeaders.AUTHORIZATION) && incoming.containsKey(HttpHeaders.AUTHORIZATION)) {
            headers.put(HttpHeaders.AUTHORIZATION, incoming.get(HttpHeaders.AUTHORIZATION));
        }
        String requestId = RequestIds.current();
        if (requestId != null) {
            headers.putSingle(RequestIds.HEADER, requestId);
        }
        return headers;
    }
}
