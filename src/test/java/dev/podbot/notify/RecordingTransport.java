package dev.podbot.notify;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import dev.podbot.command.ChatTransport;
import dev.podbot.command.Reply;

/**
 * A chat transport that records deliveries and can be told to fail: {@link #before} runs before a delivery is
 * recorded (throw ChatUnreachableException / DeliveryFailedException there), {@link #after} after it (throw there
 * to simulate a crash after the message went out). Enabled by {@link NotifyTestProfile} only.
 */
@Alternative
@ApplicationScoped
public class RecordingTransport implements ChatTransport {

    public record Delivery(long chatId, Reply reply) {
    }

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile Consumer<Long> before = c -> { };
    private volatile Consumer<Long> after = c -> { };
    private volatile boolean ready = true;

    /** Whether the transport can deliver now (see {@link ChatTransport#ready()}). */
    public void ready(boolean on) {
        ready = on;
    }

    @Override
    public boolean ready() {
        return ready;
    }

    /** Runs before a delivery is recorded: throw to make it fail. (Methods, not fields: callers hold a proxy.) */
    public void before(Consumer<Long> hook) {
        before = hook;
    }

    /** Runs after a delivery is recorded: throw to simulate a crash after the message went out. */
    public void after(Consumer<Long> hook) {
        after = hook;
    }

    public List<Delivery> all() {
        return List.copyOf(deliveries);
    }

    @Override
    public boolean handles(long chatId) {
        return true;
    }

    @Override
    public int priority() {
        return 1000;
    }

    @Override
    public void deliver(long chatId, Reply reply) {
        before.accept(chatId);
        deliveries.add(new Delivery(chatId, reply));
        after.accept(chatId);
    }

    public List<Delivery> to(long chatId) {
        return deliveries.stream().filter(d -> d.chatId() == chatId).toList();
    }

    public void reset() {
        deliveries.clear();
        before = c -> { };
        after = c -> { };
        ready = true;
    }
}
