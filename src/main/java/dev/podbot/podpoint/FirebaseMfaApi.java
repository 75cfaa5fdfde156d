package dev.podbot.podpoint;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Google Identity Platform v2 SMS second factor (API doc §3.5). Base URL: {@code podpoint.mfa-url}. */
@RegisterRestClient(configKey = "podpoint-mfa")
@Produces(MediaType.APPLICATION_JSON)
public interface FirebaseMfaApi {

    /** Texts the code. */
    @POST
    @Path("/accounts/mfaSignIn:start")
    @Consumes(MediaType.APPLICATION_JSON)
    Response start(@QueryParam("key") String apiKey, String jsonBody);

    /** Checks the code and issues tokens. */
    @POST
    @Path("/accounts/mfaSignIn:finalize")
    @Consumes(MediaType.APPLICATION_JSON)
    Response finalizeSignIn(@QueryParam("key") String apiKey, String jsonBody);
}
