package dev.podbot.podpoint.home;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import dev.podbot.podpoint.PodPointAuth;
import dev.podbot.podpoint.PodPointHttp;
import dev.podbot.podpoint.PodPointJson;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.PodPointSession.Support;
import dev.podbot.podpoint.UnsupportedFeatureException;

/**
 * One authorised Pod Home call with the per-feature tri-state of API doc §10.19: a success marks the feature
 * supported, a 404/410 marks it unsupported (and throws {@link UnsupportedFeatureException}); other errors leave
 * it as it was and throw the usual {@code PodPointApiException}.
 */
@ApplicationScoped
class HomeCalls {

    @Inject
    PodPointAuth auth;

    @Inject
    PodPointHttp http;

    @Inject
    PodPointJson codec;

    /** A read of a per-charger feature; the body as JSON. */
    JsonNode read(PodPointSession s, String feature, String ppid, String endpoint, Function<String, Response> call) {
        PodPointHttp.Result r = send(s, feature, ppid, endpoint, true, call);
        return codec.okAny(endpoint, r, s);
    }

    /** A write; the result when it is 2xx (bodies are not needed), else the error. */
    PodPointHttp.Result write(PodPointSession s, String feature, String ppid, String endpoint,
            Function<String, Response> call) {
        PodPointHttp.Result r = send(s, feature, ppid, endpoint, false, call);
        if (!r.is2xx()) {
            throw codec.apiError(endpoint, r, s);
        }
        return r;
    }

    private PodPointHttp.Result send(PodPointSession s, String feature, String ppid, String endpoint,
            boolean idempotent, Function<String, Response> call) {
        String key = ppid == null ? feature : feature + ":" + ppid;
        if (s.feature(key) == Support.UNSUPPORTED) {
            throw new UnsupportedFeatureException(feature);
        }
        PodPointHttp.Result r = auth.authorised(s, endpoint, idempotent, call);
        if (r.status() == 404 || r.status() == 410) {
            s.feature(key, Support.UNSUPPORTED);
            throw new UnsupportedFeatureException(feature);
        }
        if (r.is2xx()) {
            s.feature(key, Support.SUPPORTED);
        }
        return r;
    }

    String write(Object body) {
        return codec.write(body);
    }
}
