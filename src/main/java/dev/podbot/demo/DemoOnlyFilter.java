package dev.podbot.demo;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import dev.podbot.BotConfig;

/** Hides every {@link DemoOnly} endpoint (404) when demo mode is off. */
@Provider
@DemoOnly
public class DemoOnlyFilter implements ContainerRequestFilter {

    /** Looked up per request: filters are built before configuration mappings exist. */
    @Inject
    Instance<BotConfig> config;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!config.get().demo()) {
            request.abortWith(Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN)
                    .entity("Not Found").build());
        }
    }
}
