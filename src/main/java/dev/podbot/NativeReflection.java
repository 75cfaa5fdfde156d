package dev.podbot;

import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethodBoolean;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethodMessage;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethodSerializable;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberAdministrator;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberBanned;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberLeft;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberOwner;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberRestricted;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScope;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllPrivateChats;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import org.telegram.telegrambots.meta.api.objects.message.InaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import dev.podbot.podpoint.model.ChargeMode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native-image readiness: registers for reflection the third-party classes Jackson (de)serializes. Our own DTOs
 * (Pod Point model records) carry {@code @RegisterForReflection} themselves or are listed at the end. TelegramBots objects are Lombok
 * {@code @SuperBuilder}/{@code @Jacksonized} classes, so their nested builder classes are registered too
 * ({@code ignoreNested = false}). {@code NativeReflectionTest} fails when code under {@code dev.podbot} starts to use
 * a Telegram API class that is missing here. A native build has not been run for this project (see README).
 */
@RegisterForReflection(ignoreNested = false, targets = {
        // objects received
        Update.class, Message.class, MaybeInaccessibleMessage.class, InaccessibleMessage.class,
        CallbackQuery.class, User.class, Chat.class, MessageEntity.class, LinkPreviewOptions.class,
        ReplyParameters.class, ChatMemberUpdated.class, ChatMember.class, ChatMemberOwner.class,
        ChatMemberAdministrator.class, ChatMemberMember.class, ChatMemberRestricted.class, ChatMemberLeft.class,
        ChatMemberBanned.class, ApiResponse.class, ResponseParameters.class, WebhookInfo.class,
        // keyboards and commands
        ReplyKeyboard.class, ReplyKeyboardRemove.class, InlineKeyboardMarkup.class, InlineKeyboardButton.class,
        InlineKeyboardRow.class, BotCommand.class, BotCommandScope.class, BotCommandScopeAllPrivateChats.class,
        BotCommandScopeDefault.class,
        // methods sent
        PartialBotApiMethod.class, BotApiMethod.class, BotApiMethodMessage.class, BotApiMethodBoolean.class,
        BotApiMethodSerializable.class, SendMessage.class, EditMessageText.class, DeleteMessage.class,
        AnswerCallbackQuery.class, SetMyCommands.class, GetMe.class, SetWebhook.class, DeleteWebhook.class,
        GetUpdates.class,
        // uploads (/stats charts, /export files): multipart, with the media objects they carry
        org.telegram.telegrambots.meta.api.methods.send.SendPhoto.class,
        org.telegram.telegrambots.meta.api.methods.send.SendDocument.class,
        org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageMedia.class,
        org.telegram.telegrambots.meta.api.objects.InputFile.class,
        org.telegram.telegrambots.meta.api.objects.media.InputMedia.class,
        org.telegram.telegrambots.meta.api.objects.media.InputMediaPhoto.class,
        org.telegram.telegrambots.meta.api.objects.media.InputMediaDocument.class,
        // our own records without their own annotation
        ChargeMode.class })
public final class NativeReflection {

    private NativeReflection() {
    }
}
