package dev.podbot.demo.sim;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.podbot.demo.DemoOnly;
import dev.podbot.demo.sim.SimApi.SimResponse;

/** Serves the simulated Pod Point under {@code /demo/sim} in demo mode (paths as {@link SimApi} documents). */
@Path("/demo/sim")
@DemoOnly
public class SimResource {

    @Inject
    SimApi api;

    @GET
    @Path("{path: .+}")
    public Response get(@PathParam("path") String path, @Context UriInfo uri, @Context HttpHeaders headers) {
        return serve("GET", uri, headers, null);
    }

    @POST
    @Path("{path: .+}")
    public Response post(@PathParam("path") String path, @Context UriInfo uri, @Context HttpHeaders headers,
            byte[] body) {
        return serve("POST", uri, headers, body);
    }

    @PUT
    @Path("{path: .+}")
    public Response put(@PathParam("path") String path, @Context UriInfo uri, @Context HttpHeaders headers,
            byte[] body) {
        return serve("PUT", uri, headers, body);
    }

    @jakarta.ws.rs.PATCH
    @Path("{path: .+}")
    public Response patch(@PathParam("path") String path, @Context UriInfo uri, @Context HttpHeaders headers,
            byte[] body) {
        return serve("PATCH", uri, headers, body);
    }

    @DELETE
    @Path("{path: .+}")
    public Response delete(@PathParam("path") String path, @Context UriInfo uri, @Context HttpHeaders headers) {
        return serve("DELETE", uri, headers, null);
    }

    private Response serve(String method, UriInfo uri, HttpHeaders headers, byte[] body) {
        String raw = uri.getRequestUri().getPath();
        int at = raw.indexOf("/demo/sim");
        String path = at < 0 ? raw : raw.substring(at + "/demo/sim".length());
        SimResponse r = api.handle(method, path, uri.getRequestUri().getRawQuery(), headers::getHeaderString, body);
        byte[] out = r.bytes();
        Response.ResponseBuilder b = Response.status(r.status());
        if (out.length > 0) {
            b.entity(out).type(MediaType.APPLICATION_JSON);
        }
        return b.build();
    }
}
