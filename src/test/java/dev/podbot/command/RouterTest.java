package dev.podbot.command;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.podbot.account.ChatAccount;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import dev.podbot.podpoint.PodPointWireMockResource;
import io.quarkus.test.junit.QuarkusTest;

/** Routing, refusals and usage lines: everything decided before Pod Point is asked. */
@QuarkusTest
@WithTestResource(value = PodPointWireMockResource.class, initArgs = @ResourceArg(name = "bot.allowed-users", value = PodPointWireMockResource.ALLOWED_USERS))
class RouterTest extends CommandTestBase {

    static final long CHAT = 7001;

    @Inject
    @Any
    Instance<CommandHandler> handlers;

    @Test
    void worksFromThreadsWithoutARequestContext() throws Exception {
        linkOffline(7004);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            for (String cmd : List.of("/start", "/nosuchcommand", "free text", "/login", "someone@example.com",
                    "/cancel", "/schedule 22:00 06:00", "/help", "/logout")) {
                ChatResponse r = pool.submit(() -> commands.handle(ChatRequest.text(7004, 7004,
                        ChatRequest.ChatType.PRIVATE, cmd, 1))).get();
                assertThat(text(r)).as(cmd).isNotBlank().doesNotContain(Failures.SORRY);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(account(7004)).isEmpty();
    }

    @Test
    void startExplainsHowToLogin() {
        String t = text(say(CHAT, "/start"));
        assertThat(t).contains("/login").contains("Pod Point").contains("/help");
    }

    @Test
    void helpListsEveryHandlersUsage() {
        String t = text(say(CHAT, "/help@PodBot"));
        assertThat(t).contains("/pods").contains("/charge on|off").contains("/charges").contains("/schedule")
                .contains("/boost").contains("/mode").contains("/login").contains("/logout").contains("/cancel");
        for (CommandHandler h : handlers) {
            for (String line : h.usage()) {
                assertThat(t).contains(line);
            }
        }
        assertThat(t.indexOf("/start")).isLessThan(t.indexOf("/pods"));
    }

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @Test
    void unknownCommandsPointToHelp() {
        double before = unknownCount();
        assertThat(text(say(CHAT, "/nosuchcommand"))).contains("/help").contains("/nosuchcommand");
        assertThat(unknownCount()).isEqualTo(before + 1);
        assertThat(registry.find("podbot.command.latency").tag("command", "unknown").timer()).isNotNull();
        assertThat(text(say(CHAT, "/<b>x</b>"))).doesNotContain("<b>x").contains("/help");
    }

    private double unknownCount() {
        var c = registry.find("podbot.updates.handled").tags("command", "unknown", "outcome", "unknown_command")
                .counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void freeTextAndEmptyMessagesGetAHint() {
        assertThat(text(say(CHAT, "hello bot"))).contains("/help");
        assertThat(text(say(CHAT, null))).contains("/help");
        assertThat(text(say(CHAT, "   "))).contains("/help");
        assertThat(sayInGroup(-100500, 7002, "chatting in the group").replies()).isEmpty();
        assertThat(sayInGroup(-100500, 7002, null).replies()).isEmpty();
    }

    @Test
    void usersNotOnTheAllowListAreRefusedWithTheirId() {
        ChatResponse r = commands.handle(ChatRequest.text(424242, 424242, ChatRequest.ChatType.PRIVATE, "/pods", 1));
        assertThat(text(r)).contains("424242").contains("BOT_ALLOWED_USERS").doesNotContain("linked");
        ChatResponse b = commands.handle(ChatRequest.button(424242, 424242, ChatRequest.ChatType.PRIVATE,
                "charge:on:1", 1));
        assertThat(text(b)).contains("424242");
        assertThat(b.callbackAnswer()).isNotNull();
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void commandsNeedALinkedAccount() {
        for (String cmd : List.of("/pods", "/charge off", "/charges", "/schedule", "/boost 1h", "/mode smart")) {
            assertThat(text(say(CHAT, cmd))).as(cmd).contains("haven't linked a Pod Point account").contains("/login");
        }
        ChatResponse b = press(CHAT, "charge:off:123");
        assertThat(text(b)).contains("/login");
        assertThat(b.callbackAnswer()).contains("/login");
    }

    @Test
    void anAccountPodPointNoLongerAcceptsIsToldToLoginAgain() {
        linkOffline(CHAT);
        accounts.markAuthFailed(CHAT);
        assertThat(text(say(CHAT, "/pods"))).contains("/login").contains("no longer accepts");
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void loginIsRefusedInGroupsAndAPasswordThereIsNeverUsed() {
        ChatResponse r = sayInGroup(-100777, 7003, "/login someone@example.com Group-secret-1");
        assertThat(text(r)).contains("private chat");
        assertThat(r.deleteUserMessage()).isTrue();
        ChatResponse guided = sayInGroup(-100777, 7003, "/login");
        assertThat(text(guided)).contains("private chat");
        // nothing waits for a password in the group, so the next message is not read as one
        assertThat(sayInGroup(-100777, 7003, "Group-secret-2").replies()).isEmpty();
        wm.verify(0, anyRequestedFor(anyUrl()));
        assertThat(account(-100777)).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> LoginState.count())).isZero();
    }

    @Test
    void badArgumentsGetTheCommandsUsageLine() {
        linkOffline(CHAT);
        assertThat(text(say(CHAT, "/charge"))).contains("Usage: /charge on|off");
        assertThat(text(say(CHAT, "/charge maybe"))).contains("Usage: /charge on|off");
        assertThat(text(say(CHAT, "/boost"))).contains("Usage: /boost");
        // a duration out of range says what is wrong before the usage
        assertThat(text(say(CHAT, "/boost 0m"))).startsWith("A boost needs at least 1 minute.")
                .contains("Usage: /boost");
        assertThat(text(say(CHAT, "/boost 25h"))).startsWith("A boost can last at most 24 hours (25h is longer).")
                .contains("Usage: /boost");
        assertThat(text(say(CHAT, "/boost soon"))).contains("Usage: /boost");
        assertThat(text(say(CHAT, "/mode turbo"))).contains("Usage: /mode smart|scheduled|always");
        assertThat(text(say(CHAT, "/schedule 25:00 07:00"))).startsWith("25:00 isn't a time of day")
                .contains("Usage: /schedule HH:MM HH:MM");
        assertThat(text(say(CHAT, "/schedule 04:00 12:60"))).startsWith("12:60 isn't a time of day");
        assertThat(text(say(CHAT, "/schedule 22:00"))).contains("Usage: /schedule HH:MM HH:MM");
        assertThat(text(say(CHAT, "/charges soon"))).contains("Usage: /charges [page]");
        assertThat(text(say(CHAT, "/charges 0"))).contains("Usage: /charges [page]");
        assertThat(text(say(CHAT, "/login not-an-email"))).contains("e-mail");
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aWindowEndingBeforeItStartsIsRefusedWithTheReason() {
        linkOffline(CHAT);
        assertThat(text(say(CHAT, "/schedule 22:00 06:00"))).contains("must be after the start time (22:00)");
        assertThat(text(say(CHAT, "/schedule 06:00 06:00"))).contains("must be after");
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void unknownButtonsAreAnswered() {
        ChatResponse r = press(CHAT, "nosuch:1:2");
        assertThat(text(r)).contains("/help");
        assertThat(r.callbackAnswer()).isNotNull();
    }

    @Test
    void cancelWithoutAConversation() {
        assertThat(text(say(CHAT, "/cancel"))).contains("nothing to cancel");
    }

    @Test
    void guidedLoginAsksForTheEmailThenThePassword() {
        ChatResponse first = say(CHAT, "/login");
        assertThat(text(first)).contains("e-mail");
        assertThat(first.deleteUserMessage()).isFalse();
        assertThat(text(say(CHAT, "not an email"))).contains("doesn't look like an e-mail");
        ChatResponse second = say(CHAT, "ann@example.com");
        assertThat(text(second)).contains("password");
        assertThat(second.deleteUserMessage()).isFalse();
        // a known command still works in the middle of a login, and the conversation waits
        assertThat(text(say(CHAT, "/help"))).contains("/pods");
        assertThat(text(say(CHAT, "/cancel"))).contains("Cancelled");
        assertThat(text(say(CHAT, "Secret-after-cancel"))).contains("/help");
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void logoutWithoutAnAccount() {
        assertThat(text(say(CHAT, "/logout"))).contains("No Pod Point account");
        linkOffline(CHAT);
        assertThat(text(say(CHAT, "/logout"))).contains("unlinked");
        assertThat(account(CHAT)).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ChatAccount.count())).isZero();
    }
}
