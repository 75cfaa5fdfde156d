package dev.podbot.command;

/**
 * A request the bot refuses with a plain sentence (bad argument, a button for someone else's charger...). The
 * message is shown to the user as is (HTML), so it must never hold a secret.
 */
public class CommandException extends RuntimeException {

    private final String outcome;

    public CommandException(String userMessage) {
        this(userMessage, "refused");
    }

    public CommandException(String userMessage, String outcome) {
        super(userMessage, null, false, false);
        this.outcome = outcome;
    }

    /** A bad argument: the reply is the command's usage line. */
    public static CommandException usage(String usageLine) {
        return new CommandException("Usage: " + usageLine, "usage");
    }

    public String userMessage() {
        return getMessage();
    }

    /** The metrics outcome tag. */
    public String outcome() {
        return outcome;
    }
}
