package dev.podbot.podpoint;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Google securetoken refresh (API doc §3.4, A2), a form post. Base URL: {@code podpoint.token-url}. */
@RegisterRestClient(configKey = "podpoint-token")
@Produces(MediaType.APPLICATION_JSON)
public interface SecureTokenApi {

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response token(@QueryParam("key") String apiKey, @FormParam("grant_type") String grantType,
            @FormParam("refresh_token") String refreshToken);
}
