package dev.podbot.receipt;

/** Where a change receipt is: the stages of issue 13. The last five are final. */
public enum Stage {
    /** Pod Point has the change; the charger has not confirmed it yet. */
    SENT,
    /** The charger confirmed it; waiting for charging to start or stop (a car is plugged in). */
    CONFIRMED,
    /** Charging started or stopped as expected. */
    IN_EFFECT,
    /** The charger confirmed it and no car is plugged in: it applies at the next plug-in. */
    APPLIES_ON_PLUG_IN,
    /** The charger confirmed it; whether charging follows can't be told (or did not happen in time). */
    CONFIRMED_ONLY,
    /** No confirmation within BOT_CONFIRM_TIMEOUT. */
    TIMED_OUT,
    /** A newer change to the same charger replaced this one. */
    SUPERSEDED,
    /** The charger is no longer on the account. */
    GONE;

    public boolean isFinal() {
        return this != SENT && this != CONFIRMED;
    }
}
