package dev.podbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import okhttp3.OkHttpClient;

/** The Telegram client set up before Quarkus starts ({@code dev.podbot.Main}) is the one Telegram's is built from. */
class ClientWarmUpTest {

    @Test
    void telegramsClientReusesTheWarmedClientsTlsSettingsSoTheTrustStoreIsReadOnce() {
        ClientWarmUp.start();
        ClientWarmUp.start(); // once only
        OkHttpClient warmed = ClientWarmUp.base();

        assertThat(ClientWarmUp.base()).isSameAs(warmed);
        try (TelegramApi api = new TelegramApi("123456:warm-up-test-token-aaaaaaaaaaaaaaaaa",
                TelegramConfig.parseUrl("http://127.0.0.1:9"))) {
            assertThat(api.http()).isNotSameAs(warmed);
            assertThat(api.http().x509TrustManager()).isSameAs(warmed.x509TrustManager());
            assertThat(api.http().sslSocketFactory()).isSameAs(warmed.sslSocketFactory());
            // and its own settings on top
            assertThat(api.http().readTimeoutMillis()).isEqualTo(75_000);
            assertThat(api.http().dispatcher()).isNotSameAs(warmed.dispatcher());
        }
    }
}
