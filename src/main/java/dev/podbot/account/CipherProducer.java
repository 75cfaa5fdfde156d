package dev.podbot.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.podbot.BotConfig;
import io.quarkus.logging.Log;

/**
 * Builds the {@link CredentialCipher} from configuration; demo mode uses a throwaway key. A missing or malformed key
 * stops the start before this runs ({@code dev.podbot.ops.ConfigurationCheck}).
 */
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
}
