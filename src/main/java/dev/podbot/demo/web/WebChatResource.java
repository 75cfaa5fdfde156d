package dev.podbot.demo.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestStreamElementType;

import dev.podbot.demo.DemoOnly;
import dev.podbot.demo.sim.PodPointSimulator;
import dev.podbot.demo.web.WebMessages.ChatIn;
import dev.podbot.demo.web.WebMessages.PressIn;
import dev.podbot.demo.web.WebMessages.WebError;
import dev.podbot.demo.web.WebMessages.WebReplies;
import io.smallrye.mutiny.Multi;

/** The web chat: its page ({@code /}), its JSON API ({@code /demo/...}) and its notification stream. */
@Path("/")
@DemoOnly
public class WebChatResource {

    static final int MAX_TEXT = 4096;
    private static final Map<String, String> STATIC = Map.of("chat.js", "application/javascript; charset=utf-8",
            "chat.css", "text/css; charset=utf-8");

    @Inject
    WebChat chat;

    @Inject
    PodPointSimulator simulator;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        return file("index.html", "text/html; charset=utf-8");
    }

    @GET
    @Path("demo/web/{file}")
    public Response asset(@PathParam("file") String name) {
        String type = STATIC.get(name);
        return type == null ? Response.status(404).build() : file(name, type);
    }

    @POST
    @Path("demo/chat")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response message(ChatIn in) {
        if (in == null || in.text() == null || in.text().isBlank()) {
            return bad("Send {\"text\": \"/pods\"}: the text is missing.");
        }
        if (in.text().length() > MAX_TEXT) {
            return bad("That message is too long (at most " + MAX_TEXT + " characters).");
        }
        return Response.ok(chat.message(in.text().strip())).build();
    }

    @POST
    @Path("demo/press")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response press(PressIn in) {
        if (in == null || in.data() == null || in.data().isBlank() || in.data().length() > 64) {
            return bad("Send {\"data\": \"...\", \"messageId\": 12}: the button data is missing or too long.");
        }
        return Response.ok(chat.press(in.data(), in.messageId())).build();
    }

    @GET
    @Path("demo/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<WebReplies> events() {
        return chat.events();
    }

    /** A photo or document of a recent bot message: photos inline, documents as a download with their file name. */
    @GET
    @Path("demo/files/{id}")
    public Response file(@PathParam("id") String id) {
        return chat.file(id).map(a -> Response.ok(a.bytes(), a.mimeType())
                .header("Content-Disposition", (a.isPhoto() ? "inline" : "attachment") + "; filename=\""
                        + a.fileName().replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "private, max-age=3600")
                .build()).orElseGet(() -> Response.status(404).type(MediaType.APPLICATION_JSON)
                        .entity(new WebError("That file is no longer kept: ask the bot again.")).build());
    }

    /** The demo account and what the simulated pods are doing now. */
    @GET
    @Path("demo/info")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> info() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("email", PodPointSimulator.DEMO_EMAIL);
        m.put("password", PodPointSimulator.DEMO_PASSWORD);
        m.put("pods", simulator.describe());
        return m;
    }

    /** Skips the simulated cars ahead, e.g. {"minutes": 30}; at most a day. */
    @POST
    @Path("demo/fast-forward")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response fastForward(Map<String, Object> in) {
        Object minutes = in == null ? null : in.get("minutes");
        if (!(minutes instanceof Number n) || n.doubleValue() <= 0 || n.doubleValue() > 1440) {
            return bad("Send {\"minutes\": 30} (1 to 1440).");
        }
        simulator.advanceScenario(Duration.ofSeconds(Math.round(n.doubleValue() * 60)));
        return Response.ok(Map.of("pods", simulator.describe())).build();
    }

    private static Response bad(String message) {
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(new WebError(message)).build();
    }

    private static Response file(String name, String type) {
        try (InputStream in = WebChatResource.class.getResourceAsStream("/demo-web/" + name)) {
            if (in == null) {
                return Response.status(404).build();
            }
            return Response.ok(in.readAllBytes(), type).header("Cache-Control", "no-cache")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy",
                            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:")
                    .build();
        } catch (IOException e) {
            return Response.serverError().build();
        }
    }

    static List<String> assets() {
        return List.copyOf(STATIC.keySet());
    }
}
