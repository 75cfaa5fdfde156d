package dev.podbot.demo.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.podbot.BotConfig;
import dev.podbot.command.ChatTransport;
import dev.podbot.command.Reply;

/** Delivers notifications for the demo chat to the web chat (never to Telegram). Only in demo mode. */
@ApplicationScoped
public class WebChatTransport implements ChatTransport {

    public static final int PRIORITY = 100;

    @Inject
    BotConfig config;

    @Inject
    WebChat chat;

    @Override
    public boolean handles(long chatId) {
        return config.demo() && chatId == WebChat.CHAT_ID;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public void deliver(long chatId, Reply reply) {
        if (!handles(chatId)) {
            throw new ChatUnreachableException("not a demo chat");
        }
        chat.publish(reply);
    }

    @Override
    public boolean edit(long chatId, int messageId, Reply reply) {
        if (!handles(chatId)) {
            throw new ChatUnreachableException("not a demo chat");
        }
        chat.edit(messageId, reply);
        return true;
    }
}
