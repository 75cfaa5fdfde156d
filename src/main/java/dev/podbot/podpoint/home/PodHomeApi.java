package dev.podbot.podpoint.home;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
 * Pod Point's current "Pod Home" endpoints (API doc §10), on the same host as the legacy API but with no
 * {@code /api3/v5} prefix. Every method returns the raw {@link Response}: {@link PodHomeClient} checks the status
 * codes and parses the body.
 */
@RegisterRestClient(configKey = "podpoint-home")
@Produces(MediaType.APPLICATION_JSON)
public interface PodHomeApi {

    String AUTH = "Authorization";

    @GET
    @Path("/chargers")
    Response chargers(@HeaderParam(AUTH) String bearer);

    @GET
    @Path("/chargers/{ppid}/connectivity-status-v2")
    Response connectivity(@HeaderParam(AUTH) String bearer, @PathParam("ppid") String ppid);

    @GET
    @Path("/chargers/{ppid}/charge-overrides")
    Response overrides(@HeaderParam(AUTH) String bearer, @PathParam("ppid") String ppid);

    @POST
    @Path("/chargers/{ppid}/charge-overrides")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createOverride(@HeaderParam(AUTH) String bearer, @PathParam("ppid") String ppid, String jsonBody);

    @DELETE
    @Path("/chargers/{ppid}/charge-overrides")
    Response deleteOverrides(@HeaderParam(AUTH) String bearer, @PathParam("ppid") String ppid);

    @GET
    @Path("/chargers/{ppid}/manual-schedules")
    Response schedules(@HeaderParam(AUTH) String bearer, @PathParam("ppid") String ppid);

    @PUT
    @Path("/chargers/{ppid}/manual-schedules")
    @Consumes(MediaType.APPLICATION_JSON)
    Response putSchedules(@HeaderParam(AUTH) String bearer, @PathParam("ppid") String ppid, String jsonBody);

    @GET
    @Path("/smart-charging/delegated-controls/{ppid}")
    Response delegatedControl(@HeaderParam(AUTH) String bearer, @PathParam("ppid") String ppid);

    @PATCH
    @Path("/smart-charging/delegated-controls/{ppid}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response patchDelegatedControl(@HeaderParam(AUTH) String bearer, @PathParam("ppid") String ppid, String jsonBody);

    @GET
    @Path("/charges")
    Response charges(@HeaderParam(AUTH) String bearer, @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/chargers/{ppid}/charge-statistics")
    Response chargeStatistics(@HeaderParam(AUTH) String bearer, @PathParam("ppid") String ppid,
            @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/chargers/{ppid}/firmware")
    Response firmware(@HeaderParam(AUTH) String bearer, @PathParam("ppid") String ppid);
}
