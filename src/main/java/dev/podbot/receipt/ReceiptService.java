package dev.podbot.receipt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.podbot.BotConfig;
import dev.podbot.command.Button;
import dev.podbot.command.Formats;
import dev.podbot.command.Reply;
import dev.podbot.command.ReplySent;
import dev.podbot.notify.NotifyClock;
import dev.podbot.podpoint.model.Pod;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Opens change receipts for the charger commands and keeps their rows: a new change supersedes the older receipt
 * of the same charger, the front end's {@link ReplySent} tells which message shows it, "Check again" starts a new
 * round. The {@link ReceiptWatcher} moves them on.
 */
@ApplicationScoped
public class ReceiptService {

    @Inject
    NotifyClock clock;

    @Inject
    BotConfig config;

    @Inject
    ReceiptWatcher watcher;

    /**
     * Records a change just sent to Pod Point and returns the first, honest reply: the command's text (what the
     * change will do) and "sent; the charger usually picks it up within a few minutes".
     *
     * @param head    the command's text (HTML)
     * @param buttons the command's own buttons, kept on every edit
     */
    public Reply open(long chatId, Pod pod, Target target, String head, List<List<Button>> buttons) {
        Instant now = clock.now();
        ZoneId zone = Formats.zone(pod.timezone());
        OffsetDateTime baseline = Reading.lastContactOf(pod);
        Progress p = Progress.sent(now, baseline);
        ReceiptWatch w = QuarkusTransaction.requiringNew().call(() -> {
            supersede(chatId, pod.unitId(), now);
            ReceiptWatch row = new ReceiptWatch();
            row.chatId = chatId;
            row.unitId = pod.unitId();
            row.target = target.encode();
            row.head = head;
            row.buttons = ReceiptButtons.encode(buttons);
            row.zone = zone.getId();
            row.progress(p);
            row.nextCheckAt = StageMachine.nextCheck(p, now, config.confirmTimeout());
            row.persist();
            row.shown = fingerprint(render(row));
            return row;
        });
        watcher.wake(); // an older receipt of this charger may have been superseded: its message changes now
        Log.debugf("Chat %s: receipt %s opened for unit %s", (Object) chatId, w.id, (Object) pod.unitId());
        return render(w);
    }

    /**
     * Every receipt of the charger still being followed stops: its message will say "superseded". Conditional
     * updates of the columns concerned only, so a check running at the same moment never undoes it.
     */
    private void supersede(long chatId, long unitId, Instant now) {
        ReceiptWatch.update("stage = ?1, endedAt = ?2, nextCheckAt = ?2 where chatId = ?3 and unitId = ?4 "
                + "and done = false and stage in (?5, ?6)", Stage.SUPERSEDED, now, chatId, unitId, Stage.SENT,
                Stage.CONFIRMED);
        // never shown: nothing to edit
        ReceiptWatch.update("done = true where chatId = ?1 and unitId = ?2 and done = false and stage = ?3 "
                + "and messageId is null", chatId, unitId, Stage.SUPERSEDED);
    }

    /** The front end showed a receipt's message: remember its id, so the watcher can edit it. */
    void onSent(@Observes ReplySent sent) {
        Long id = sent.reply().receipt();
        if (id == null) {
            return;
        }
        try {
            // only this column: a check or a newer change may be writing the same row
            QuarkusTransaction.requiringNew().run(() -> ReceiptWatch.update(
                    "messageId = ?1 where id = ?2 and chatId = ?3", sent.messageId(), id, sent.chatId()));
            watcher.wake(); // it can be followed now
        } catch (RuntimeException e) {
            Log.warnf("Chat %d: receipt %d could not be linked to its message (%s)", sent.chatId(), id,
                    e.getClass().getSimpleName());
        }
    }

    /**
     * "Check again" on receipt {@code id}: a new round of watching from now. Empty when the receipt is not this
     * chat's or no longer exists; a superseded receipt stays as it is.
     */
    public Optional<ReceiptWatch> checkAgain(long chatId, long id, Integer messageId) {
        Instant now = clock.now();
        Optional<ReceiptWatch> again = QuarkusTransaction.requiringNew().call(() -> {
            ReceiptWatch w = ReceiptWatch.findById(id);
            if (w == null || w.chatId != chatId) {
                return Optional.<ReceiptWatch>empty();
            }
            if (w.stage == Stage.SUPERSEDED) {
                return Optional.of(w);
            }
            if (w.messageId == null && messageId != null) {
                w.messageId = messageId;
            }
            Progress p = w.progress().again(now);
            w.progress(p);
            w.done = false;
            w.nextCheckAt = now;
            w.shown = fingerprint(render(w));
            return Optional.of(w);
        });
        watcher.wake(); // a new round: checked at once
        return again;
    }

    /** The message of a receipt as it stands (text and buttons), carrying the receipt's id. */
    public Reply render(ReceiptWatch w) {
        Progress p = w.progress();
        String text = ReceiptTexts.render(w.head, p, Formats.zone(w.zone), config.confirmTimeout());
        return new Reply(text, ReceiptTexts.buttons(ReceiptButtons.decode(w.buttons), p, w.id), false, null, w.id);
    }

    /** A short fingerprint of what a message shows. */
    static String fingerprint(Reply r) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(String.valueOf(r.text()).getBytes(StandardCharsets.UTF_8));
            md.update(String.valueOf(r.buttons()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            return String.valueOf(r.text().hashCode());
        }
    }
}
