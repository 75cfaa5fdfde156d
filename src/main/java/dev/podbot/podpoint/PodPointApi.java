package dev.podbot.podpoint;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Pod Point's legacy mobile API (API doc §1, A3 and E1–E9). Base URL: {@code podpoint.api-url} (the bare host).
 * Every method returns the raw {@link Response}: the caller checks exact status codes and parses the body.
 * A null query parameter is left out of the URL.
 */
@RegisterRestClient(configKey = "podpoint-api")
@Produces(MediaType.APPLICATION_JSON)
public interface PodPointApi {

    String AUTH = "Authorization";

    @POST
    @Path("/api3/v5/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createSession(@HeaderParam(AUTH) String bearer, String jsonBody);

    @GET
    @Path("/api3/v5/users/{userId}/pods")
    Response pods(@HeaderParam(AUTH) String bearer, @PathParam("userId") String userId,
            @QueryParam("perpage") int perPage, @QueryParam("page") int page, @QueryParam("include") String include);

    @GET
    @Path("/api3/v5/users/{userId}/charges")
    Response charges(@HeaderParam(AUTH) String bearer, @PathParam("userId") String userId,
            @QueryParam("perpage") int perPage, @QueryParam("page") int page);

    @PUT
    @Path("/api3/v5/units/{unitId}/charge-schedules")
    @Consumes(MediaType.APPLICATION_JSON)
    Response putSchedules(@HeaderParam(AUTH) String bearer, @PathParam("unitId") long unitId, String jsonBody);

    @GET
    @Path("/api3/v5/units/{unitId}/charge-override")
    Response getOverride(@HeaderParam(AUTH) String bearer, @PathParam("unitId") long unitId);

    @PUT
    @Path("/api3/v5/units/{unitId}/charge-override")
    @Consumes(MediaType.APPLICATION_JSON)
    Response putOverride(@HeaderParam(AUTH) String bearer, @PathParam("unitId") long unitId, String jsonBody);

    @DELETE
    @Path("/api3/v5/units/{unitId}/charge-override")
    Response deleteOverride(@HeaderParam(AUTH) String bearer, @PathParam("unitId") long unitId);

    @GET
    @Path("/api3/v5/units/{unitId}/firmware")
    Response firmware(@HeaderParam(AUTH) String bearer, @PathParam("unitId") long unitId);

    @GET
    @Path("/api3/v5/auth")
    Response currentUser(@HeaderParam(AUTH) String bearer, @QueryParam("include") String include);

    @GET
    @Path("/chargers/{ppid}/connectivity-status")
    Response connectivity(@HeaderParam(AUTH) String bearer, @PathParam("ppid") String ppid);
}
