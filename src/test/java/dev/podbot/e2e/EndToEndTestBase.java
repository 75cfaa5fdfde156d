package dev.podbot.e2e;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.podbot.account.AccountService;
import dev.podbot.podpoint.InjectPodPointWireMock;
import dev.podbot.podpoint.PodPointWireMock;
import dev.podbot.telegram.FakeTelegramServer;
import dev.podbot.telegram.FakeTelegramServer.Call;
import dev.podbot.telegram.InjectFakeTelegram;

/**
 * Talks to the running bot as Telegram users do: messages and button presses go into the fake Bot API's
 * getUpdates queue, the real TelegramTransport long-polls them, the real command layer handles them with the real
 * Pod Point client against WireMock, and the answers are read back from what the fake recorded.
 */
abstract class EndToEndTestBase {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicLong NEXT_CHAT = new AtomicLong(EndToEndProfile.FIRST_USER);

    @InjectFakeTelegram
    FakeTelegramServer telegram;

    @InjectPodPointWireMock
    PodPointWireMock podPoint;

    @Inject
    AccountService accounts;

    @Inject
    DataSource dataSource;

    @AfterEach
    void everyRequestWasValidForTheBotApi() {
        org.assertj.core.api.Assertions.assertThat(telegram.violations())
                .as("requests the real Bot API would refuse").isEmpty();
    }

    @BeforeEach
    void resetTheWorld() throws Exception {
        await().atMost(TIMEOUT).until(() -> telegram.getUpdatesCalls() > 0);
        podPoint.reset();
        telegram.reset();
        for (Long chat : longs("select chat_id from chat_account")) {
            accounts.unlink(chat);
        }
        update("delete from login_state");
    }

    /** A chat (private: chat id = user id) no other test uses, whose user is on the allow-list. */
    static long newChat() {
        long c = NEXT_CHAT.getAndIncrement();
        if (c > EndToEndProfile.LAST_USER) {
            throw new IllegalStateException("add more test users to EndToEndProfile");
        }
        return c;
    }

    // ------------------------------------------------------------------------------------------------ talking

    /** The user writes a message; returns its message id. */
    int write(long chat, String text) {
        return telegram.userText(chat, text);
    }

    /** Successful sendMessage/editMessageText calls to the chat so far. */
    List<Call> botMessages(long chat) {
        return telegram.messagesTo(chat);
    }

    /** Waits for a bot message to the chat, recorded after the first {@code seen} ones, whose text matches. */
    Call awaitMessage(long chat, int seen, Predicate<String> p) {
        AtomicReference<Call> found = new AtomicReference<>();
        try {
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> {
                List<Call> all = botMessages(chat);
                for (Call c : all.subList(Math.min(seen, all.size()), all.size())) {
                    if (c.text() != null && p.test(c.text())) {
                        found.set(c);
                        return true;
                    }
                }
                return false;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no matching bot message in chat " + chat + "; the bot sent: "
                    + botMessages(chat).stream().map(Call::text).toList(), e);
        }
        return found.get();
    }

    /** The user writes; waits for the first new reply containing every fragment (case-insensitive). */
    Call say(long chat, String text, String... fragments) {
        int seen = botMessages(chat).size();
        write(chat, text);
        return awaitMessage(chat, seen, containsAll(fragments));
    }

    /** The user presses a button of a bot message; waits for the first new message containing every fragment. */
    Call press(long chat, Call botMessage, String data, String... fragments) {
        int seen = botMessages(chat).size();
        String queryId = pressOnly(chat, botMessage, data);
        Call c = awaitMessage(chat, seen, containsAll(fragments));
        awaitAnswer(queryId);
        return c;
    }

    /** Presses a button; returns the callback query id. */
    String pressOnly(long chat, Call botMessage, String data) {
        int mid = messageId(botMessage);
        return telegram.pressButton(chat, mid, data);
    }

    /** Waits until the bot answered the button press (the spinner stops); returns the answer call. */
    Call awaitAnswer(String callbackQueryId) {
        return telegram.awaitCall("answerCallbackQuery",
                c -> callbackQueryId.equals(String.valueOf(c.params().get("callback_query_id"))), TIMEOUT);
    }

    static Predicate<String> containsAll(String... fragments) {
        return t -> {
            String low = t.toLowerCase(Locale.ROOT);
            for (String f : fragments) {
                if (!low.contains(f.toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
            return true;
        };
    }

    /** The id of the message a recorded sendMessage created (or editMessageText changed). */
    static int messageId(Call c) {
        if (c.messageId() <= 0) {
            throw new AssertionError("not a message the bot sent: " + c.method());
        }
        return c.messageId();
    }

    /** Waits until the bot deleted the user's message (the one that held a password). */
    void awaitDeleted(long chat, int messageId) {
        telegram.awaitCall("deleteMessage", c -> c.isFor(chat)
                && String.valueOf(messageId).equals(String.valueOf(c.params().get("message_id"))), TIMEOUT);
    }

    /** The ids of the user's messages the bot deleted in a chat. */
    List<Integer> deletedIn(long chat) {
        return telegram.calls("deleteMessage").stream().filter(c -> c.isFor(chat))
                .map(c -> Integer.parseInt(String.valueOf(c.params().get("message_id")))).toList();
    }

    static List<String> buttons(Call c) {
        return FakeTelegramServer.buttonData(c);
    }

    // ------------------------------------------------------------------------------------------------ accounts

    /** Links the chat through the bot: Pod Point accepts these credentials, the user sends /login in one line. */
    void login(long chat, String email, String password, long podPointUser) {
        podPoint.stubAccount(email, password, String.valueOf(podPointUser));
        say(chat, "/login " + email + " " + password, "linked");
    }

    // ------------------------------------------------------------------------------------------------ database

    List<Long> longs(String sql, Object... args) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); var st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    long count(String sql, Object... args) throws Exception {
        return longs(sql, args).get(0);
    }

    void update(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    /** The names of every table of the application's schema. */
    List<String> tables() throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema == null || !schema.equalsIgnoreCase("information_schema")
                            && !schema.toLowerCase(Locale.ROOT).startsWith("pg_")) {
                        String q = md.getIdentifierQuoteString().trim();
                        tables.add((schema == null ? "" : q + schema + q + ".") + q + rs.getString("TABLE_NAME") + q);
                    }
                }
            }
        }
        return tables;
    }

    /** Every value of every row of every table, as text (native SQL, no entity mapping in between). */
    String databaseText() throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Connection c = dataSource.getConnection()) {
            for (String t : tables()) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select * from " + t)) {
                    ResultSetMetaData m = rs.getMetaData();
                    while (rs.next()) {
                        sb.append(t).append(": ");
                        for (int i = 1; i <= m.getColumnCount(); i++) {
                            sb.append(rs.getString(i)).append('|');
                        }
                        sb.append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }
}
