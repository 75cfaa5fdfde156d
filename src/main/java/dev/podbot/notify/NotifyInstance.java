package dev.podbot.notify;

import java.net.InetAddress;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;

/**
 * This instance's name in the {@code claimed_by} columns. It stays the same across restarts (NOTIFY_INSTANCE_ID,
 * else the host name), so a restarted instance recognises, and gives back at once, the accounts it was polling
 * when it was killed. Two instances on one host sharing one PostgreSQL database need distinct NOTIFY_INSTANCE_IDs.
 */
@ApplicationScoped
public class NotifyInstance {

    static final int MAX_LENGTH = 64;

    @Inject
    NotifyConfig config;

    private String id;

    @PostConstruct
    void init() {
        id = config.instanceId().map(String::trim).filter(s -> !s.isEmpty()).orElseGet(NotifyInstance::hostName);
        if (id.length() > MAX_LENGTH) {
            id = id.substring(0, MAX_LENGTH);
        }
    }

    public String id() {
        return id;
    }

    static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            String random = "podbot-" + UUID.randomUUID().toString().substring(0, 8);
            Log.infof("Host name unknown (%s): this instance is %s until it restarts; set NOTIFY_INSTANCE_ID to keep "
                    + "its name", e.getClass().getSimpleName(), random);
            return random;
        }
    }
}
