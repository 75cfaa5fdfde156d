package dev.podbot;

import dev.podbot.telegram.ClientWarmUp;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The packaged app's entry point: Quarkus as usual, with the Telegram client's set-up (OkHttp, the JDK's trust store,
 * Jackson's readers for the start-up calls) begun on a thread of its own first, while Quarkus opens the database and
 * starts Hibernate. That set-up took about 0.3 s on the way to the first getUpdates (issue 11).
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        ClientWarmUp.start();
        Quarkus.run(args);
    }
}
