package dev.podbot.command;

import dev.podbot.podpoint.InjectPodPointWireMock;
import dev.podbot.podpoint.PodPointWireMock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.podbot.account.AccountService;
import dev.podbot.account.ChatAccount;
import dev.podbot.podpoint.PodPointSession;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Talks to the bot at the chat-neutral level (ChatRequest in, ChatResponse out), with WireMock as Pod Point. */
abstract class CommandTestBase {

    static final AtomicInteger MESSAGE_IDS = new AtomicInteger(100);

    @Inject
    CommandService commands;

    @Inject
    AccountService accounts;

    @InjectPodPointWireMock
    PodPointWireMock pp;

    WireMockServer wm;

    @BeforeEach
    void resetWorld() {
        pp.reset();
        wm = pp.server();
        List<Long> chats = QuarkusTransaction.requiringNew().call(() -> ChatAccount.getEntityManager()
                .createQuery("select a.chatId from ChatAccount a", Long.class).getResultList());
        chats.forEach(accounts::unlink);
        QuarkusTransaction.requiringNew().run(() -> LoginState.deleteAll());
    }

    /** The chat's stored account, read in a fresh transaction (never a copy cached earlier in the test). */
    java.util.Optional<ChatAccount> account(long chat) {
        return QuarkusTransaction.requiringNew().call(() -> accounts.find(chat));
    }

    ChatResponse say(long chat, String text) {
        return commands.handle(ChatRequest.text(chat, chat, ChatRequest.ChatType.PRIVATE, text,
                MESSAGE_IDS.incrementAndGet()));
    }

    ChatResponse sayInGroup(long group, long user, String text) {
        return commands.handle(ChatRequest.text(group, user, ChatRequest.ChatType.GROUP, text,
                MESSAGE_IDS.incrementAndGet()));
    }

    ChatResponse press(long chat, String data) {
        return commands.handle(ChatRequest.button(chat, chat, ChatRequest.ChatType.PRIVATE, data, 55));
    }

    static String text(ChatResponse r) {
        return r.replies().stream().map(Reply::text).collect(Collectors.joining("\n---\n"));
    }

    static List<String> buttonData(ChatResponse r) {
        return r.replies().stream().flatMap(x -> x.buttons().stream()).flatMap(List::stream).map(Button::data)
                .toList();
    }

    /** Links a chat with a made-up session, without talking to Pod Point (for tests that stop before any call). */
    void linkOffline(long chat) {
        PodPointSession s = new PodPointSession("offline@example.com", "offline-pw");
        s.updateTokens("idtok-offline", "refresh-offline", Instant.now().plusSeconds(3600));
        s.userId("999");
        accounts.link(chat, chat, s);
    }

    /** Signs in through the bot (the real client against WireMock). */
    void login(long chat, String email, String password, long userId) {
        pp.stubAccount(email, password, String.valueOf(userId));
        ChatResponse r = say(chat, "/login " + email + " " + password);
        if (!text(r).contains("Linked")) {
            throw new AssertionError("login failed: " + text(r));
        }
    }
}
