package dev.podbot.demo.sim;

import java.time.Clock;
import java.time.Duration;

/**
 * Builds a simulated Pod Point world for tests outside this package: {@code n} accounts ({@link #email},
 * {@link #PASSWORD}) with one charger each ({@link #ppid}), nothing plugged in, and the automatic story stopped, so
 * charges complete only when a test calls {@link PodPointSimulator#completeCharge(String)}.
 */
public final class SimAccounts {

    public static final String PASSWORD = "sim-pw-1";

    private SimAccounts() {
    }

    public static String email(int i) {
        return "driver" + i + "@sim.example";
    }

    public static String ppid(int i) {
        return "PSL-9" + String.format("%05d", i);
    }

    /** A simulator with {@code n} one-charger accounts, numbered 0..n-1. */
    public static PodPointSimulator world(int n) {
        PodPointSimulator sim = new PodPointSimulator(Clock.systemUTC(), Duration.ofMinutes(2), Duration.ZERO);
        sim.running(false);
        for (int i = 0; i < n; i++) {
            PodPointSimulator.Account a = sim.addAccount(email(i), PASSWORD, 800_000 + i);
            sim.addPod(a, 900_000 + i, 950_000 + i, ppid(i), "Pod " + i, 7.2, 10, false);
        }
        return sim;
    }
}
