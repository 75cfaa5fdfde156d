package dev.podbot.telegram;

import java.util.ArrayList;
import java.util.function.Function;

import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import io.quarkus.runtime.annotations.RegisterForReflection;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The getUpdates call of our long polling: TelegramBots sends it as its own and hands its answer to
 * {@link #deserializeResponse}, which reads each update on its own through {@link UpdateParser} (one unreadable
 * update is skipped, not the batch) in a single pass over the body: no second, whole-batch read by the library
 * (issue 11: each update used to be read three times). An answer that is not a successful getUpdates result goes
 * to the library's own reading, which raises its usual errors.
 */
@RegisterForReflection // Jackson writes it as the request body (native image)
final class EachUpdateGetUpdates extends GetUpdates {

    /** TelegramBots' own mapper, the one its methods read answers with. */
    static final ObjectMapper LIBRARY_MAPPER = OBJECT_MAPPER;

    @JsonIgnore
    private final transient UpdateParser parser;
    @JsonIgnore
    private final transient Runnable onReadable;

    private EachUpdateGetUpdates(GetUpdates request, UpdateParser parser, Runnable onReadable) {
        super(request.getOffset(), request.getLimit(), request.getTimeout(), request.getAllowedUpdates());
        this.parser = parser;
        this.onReadable = onReadable;
    }

    /** Wraps a generator of getUpdates requests (offset → request), e.g. the library's default one. */
    static Function<Integer, GetUpdates> generator(Function<Integer, GetUpdates> requests, UpdateParser parser,
            Runnable onReadable) {
        return offset -> new EachUpdateGetUpdates(requests.apply(offset), parser, onReadable);
    }

    @Override
    public ArrayList<Update> deserializeResponse(String answer) throws TelegramApiRequestException {
        ArrayList<Update> updates = parser.readAll(answer);
        if (updates == null) {
            return super.deserializeResponse(answer);
        }
        onReadable.run();
        return updates;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
