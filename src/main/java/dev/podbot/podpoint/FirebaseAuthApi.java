package dev.podbot.podpoint;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Google Identity Toolkit v3 password sign-in (API doc §3.1, A1). Base URL: {@code podpoint.auth-url}. */
@RegisterRestClient(configKey = "podpoint-auth")
@Produces(MediaType.APPLICATION_JSON)
public interface FirebaseAuthApi {

    @POST
    @Path("/verifyPassword")
    @Consumes(MediaType.APPLICATION_JSON)
    Response verifyPassword(@QueryParam("key") String apiKey, String jsonBody);
}
