package dev.podbot.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.podbot.BotConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/** Builds the {@link CredentialCipher} from configuration; demo mode uses a throwaway key. */
@ApplicationScoped
public class CipherProducer {

    @Produces
    @Singleton
    CredentialCipher cipher(BotConfig config) {
        if (config.encryptionKey().isEmpty() && config.demo()) {
            Log.info("Demo mode: credentials are encrypted with a throwaway key");
            return CredentialCipher.throwaway();
        }
        return new CredentialCipher(config.encryptionKey().orElse(null),
                config.oldEncryptionKeys().orElse(java.util.List.of()));
    }

    /** Refuses to start without a valid key, and says how to make one. */
    void checkKeyAtStartup(@Observes @Priority(1) StartupEvent event, Instance<CredentialCipher> cipher) {
        try {
            cipher.get().primaryKeyId();
        } catch (CredentialCipher.InvalidKeyException e) {
            Log.error("Cannot start: " + e.getMessage());
            throw e;
        }
    }
}
