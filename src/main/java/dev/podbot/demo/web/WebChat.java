package dev.podbot.demo.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import dev.podbot.command.ChatRequest;
import dev.podbot.command.ChatResponse;
import dev.podbot.command.CommandService;
import dev.podbot.command.Reply;
import dev.podbot.command.Attachment;
import dev.podbot.command.ReplySent;
import dev.podbot.demo.web.WebMessages.WebButton;
import dev.podbot.demo.web.WebMessages.WebFile;
import dev.podbot.demo.web.WebMessages.WebReplies;
import dev.podbot.demo.web.WebMessages.WebReply;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * The demo's one web chat: passes what the browser sends to the same {@link CommandService} as Telegram, and
 * carries notifications and change-receipt edits to the browser over server-sent events. Notifications that arrive while no browser is
 * connected are kept (up to {@value #MAX_PENDING}) and sent to the next browser that connects.
 */
@ApplicationScoped
public class WebChat {

    /** The demo chat's id: far above any Telegram id (they fit in 52 bits), so it never clashes with one. */
    public static final long CHAT_ID = 9_000_000_000_000_001L;
    /** The demo user's id. */
    public static final long USER_ID = CHAT_ID;
    static final int MAX_PENDING = 200;

    @Inject
    CommandService commands;

    @Inject
    Event<ReplySent> replySent;

    private final AtomicInteger messageIds = new AtomicInteger(1);
    private final List<MultiEmitter<? super WebReplies>> browsers = new CopyOnWriteArrayList<>();
    private final Deque<WebReplies> pending = new ArrayDeque<>();

    /** A typed message. */
    public WebReplies message(String text) {
        int userMessageId = messageIds.getAndIncrement();
        ChatResponse r = commands.handle(
                ChatRequest.text(CHAT_ID, USER_ID, ChatRequest.ChatType.PRIVATE, text, userMessageId));
        return new WebReplies(replies(r.replies(), null), userMessageId, r.deleteUserMessage() ? true : null,
                r.callbackAnswer());
    }

    /** A pressed inline button of bot message {@code messageId}. */
    public WebReplies press(String data, Integer messageId) {
        ChatResponse r = commands.handle(
                ChatRequest.button(CHAT_ID, USER_ID, ChatRequest.ChatType.PRIVATE, data, messageId));
        return new WebReplies(replies(r.replies(), messageId), null, null,
                r.callbackAnswer() == null ? "" : r.callbackAnswer());
    }

    /** Pushes a notification to the browsers, or keeps it until one connects. */
    public void publish(Reply reply) {
        WebReplies event = new WebReplies(replies(List.of(reply), null), null, null, null);
        emitOrKeep(event);
    }

    /** To every open browser, or kept (the newest {@value #MAX_PENDING}) for the first one that connects. */
    private void emitOrKeep(WebReplies event) {
        synchronized (pending) {
            if (browsers.isEmpty()) {
                if (pending.size() >= MAX_PENDING) {
                    pending.removeFirst();
                }
                pending.addLast(event);
                return;
            }
        }
        browsers.forEach(b -> b.emit(event));
    }

    /** Replaces bot message {@code messageId} in the browsers (a change receipt moved on), live over SSE. */
    public void edit(int messageId, Reply reply) {
        List<List<WebButton>> rows = reply.buttons().stream()
                .map(row -> row.stream().map(b -> new WebButton(b.text(), b.data())).toList()).toList();
        WebReplies event = new WebReplies(List.of(new WebReply(reply.text() == null ? "" : reply.text(), rows,
                messageId, true, null)), null, null, null);
        emitOrKeep(event);
    }

    /** The stream of notifications for one browser; it starts with everything kept while none was connected. */
    public Multi<WebReplies> events() {
        return Multi.createFrom().emitter(em -> {
            List<WebReplies> backlog;
            synchronized (pending) {
                backlog = new ArrayList<>(pending);
                pending.clear();
                browsers.add(em);
            }
            em.onTermination(() -> browsers.remove(em));
            backlog.forEach(em::emit);
            Log.debugf("Web chat: a browser connected (%d kept notifications sent)", backlog.size());
        });
    }

    /** Number of browsers listening for notifications now. */
    public int connectedBrowsers() {
        return browsers.size();
    }

    /** Files of recent bot messages, by id, for GET /demo/files/{id}; the oldest are forgotten. */
    private final java.util.Map<String, Attachment> files = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Attachment> eldest) {
                    return size() > MAX_FILES;
                }
            });
    static final int MAX_FILES = 50;

    /** A file the chat showed or offered, if it is still kept. */
    public java.util.Optional<Attachment> file(String id) {
        return java.util.Optional.ofNullable(id == null ? null : files.get(id));
    }

    private WebFile keep(Attachment a) {
        if (a == null) {
            return null;
        }
        String id = java.util.UUID.randomUUID().toString();
        files.put(id, a);
        return new WebFile(a.isPhoto() ? "photo" : "document", a.fileName(), a.mimeType(), a.bytes().length,
                "/demo/files/" + id);
    }

    private List<WebReply> replies(List<Reply> replies, Integer original) {
        List<WebReply> out = new ArrayList<>();
        for (Reply r : replies) {
            boolean edit = r.editOriginal() && original != null;
            int id = edit ? original : messageIds.getAndIncrement();
            List<List<WebButton>> rows = r.buttons().stream()
                    .map(row -> row.stream().map(b -> new WebButton(b.text(), b.data())).toList()).toList();
            out.add(new WebReply(r.text() == null ? "" : r.text(), rows, id, edit, keep(r.attachment())));
            if (r.receipt() != null) {
                try {
                    replySent.fire(new ReplySent(CHAT_ID, id, r));
                } catch (RuntimeException e) {
                    Log.warnf("Web chat: the sent reply could not be recorded (%s)", e.getClass().getSimpleName());
                }
            }
        }
        return out;
    }
}
