package dev.podbot.demo.sim;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.podbot.demo.sim.SimPod.Phase;
import dev.podbot.demo.sim.SimPod.SimCharge;

/**
 * A simulated Pod Point account: two pods whose cars plug in, charge, get full and are unplugged on a fast clock,
 * plus a history of completed charges. Plain Java (no Quarkus): {@link SimApi} speaks Pod Point's HTTP contract on
 * top of it, served by the app in demo mode ({@code /demo/sim}) or by {@link SimHttpServer} in any test.
 *
 * <p>Time: timestamps use the given {@link Clock} (real time in the app). The cars' story runs on "scenario time",
 * which moves {@link #speed()} times faster than the clock ({@link #tick()}, called before every request) and can
 * be stepped explicitly with {@link #advanceScenario(Duration)}. Writes (schedules, boost, modes) take effect after
 * {@code applyDelay} of clock time; until then reads return the old state, as on the real service.
 *
 * <p>Thread-safe: every method synchronizes on the simulator.
 */
public final class PodPointSimulator {

    public static final String DEMO_EMAIL = "demo@podpoint.local";
    public static final String DEMO_PASSWORD = "demo";
    public static final long DEMO_USER_ID = 4242;
    public static final String DEMO_PPID_1 = "PSL-424201";
    public static final String DEMO_PPID_2 = "PSL-424202";
    /** The second demo login: an account still on the legacy API (same password). */
    public static final String LEGACY_EMAIL = "legacy@podpoint.local";
    public static final long LEGACY_USER_ID = 4343;
    public static final String LEGACY_PPID_1 = "PSL-434301";
    public static final String LEGACY_PPID_2 = "PSL-434302";

    /** Pence per kWh used for the cost of simulated charges. */
    public static final double TARIFF_PENCE_PER_KWH = 9.5;

    static final double AVAILABLE_SECONDS = 40 * 60;
    static final double PLUGGED_IN_SECONDS = 5 * 60;
    static final double FULL_SECONDS = 20 * 60;
    /** Scenario length of the first pod's cycle (40 min idle, 5 plugged, 3 h charging, 20 full). */
    static final double REFERENCE_CYCLE_SECONDS = AVAILABLE_SECONDS + PLUGGED_IN_SECONDS + 3 * 3600 + FULL_SECONDS;

    private final Clock clock;
    private final double speed;
    private final Duration applyDelay;
    private Duration tokenTtl = Duration.ofHours(1);
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Token> idTokens = new HashMap<>();
    private final Map<String, String> refreshTokens = new HashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private Instant lastTick;
    private long nextChargeId = 70_001;
    private long nextSessionId = 1;
    private boolean running = true;

    record Token(String email, Instant expiresAt) {
    }

    private record Pending(Instant applyAt, Runnable change) {
    }

    /** A simulated Pod Point user. */
    static final class Account {
        final String email;
        final String password;
        final long userId;
        final List<SimPod> pods = new ArrayList<>();
        /** Newest first. */
        final List<SimCharge> charges = new ArrayList<>();
        /** Served by the Pod Home endpoints (API doc §10); false: legacy only ({@code GET /chargers} is 404). */
        boolean home;

        Account(String email, String password, long userId) {
            this.email = email;
            this.password = password;
            this.userId = userId;
        }
    }

    /**
     * @param clock      the time used for timestamps, token expiry and delayed writes
     * @param cycle      how much clock time one full cycle of the first pod takes (plug-in to unplug and idle again)
     * @param applyDelay how long writes take to reach the pod
     */
    public PodPointSimulator(Clock clock, Duration cycle, Duration applyDelay) {
        if (cycle.isZero() || cycle.isNegative()) {
            throw new IllegalArgumentException("cycle must be positive");
        }
        this.clock = clock;
        this.speed = REFERENCE_CYCLE_SECONDS / (cycle.toMillis() / 1000.0);
        this.applyDelay = applyDelay.isNegative() ? Duration.ZERO : applyDelay;
        this.lastTick = clock.instant();
    }

    /**
     * The demo accounts. {@value #DEMO_EMAIL} / {@value #DEMO_PASSWORD} is a Pod Home account (what users have now):
     * "Driveway" (7 kW, Smart charging, car plugged in and about to charge), "Garage" (3.6 kW, Basic mode, half way
     * through a charge), and a week of completed charges. {@value #LEGACY_EMAIL} (same password) is the same world
     * on the legacy API.
     */
    public static PodPointSimulator demo(Clock clock, Duration cycle, Duration applyDelay) {
        PodPointSimulator sim = new PodPointSimulator(clock, cycle, applyDelay);
        Account home = sim.addAccount(DEMO_EMAIL, DEMO_PASSWORD, DEMO_USER_ID);
        home.home = true;
        sim.populate(home, 424201, DEMO_PPID_1, DEMO_PPID_2);
        home.pods.get(0).delegated = "ACTIVE";
        home.pods.get(1).delegated = "INACTIVE";
        sim.populate(sim.addAccount(LEGACY_EMAIL, DEMO_PASSWORD, LEGACY_USER_ID), 434301, LEGACY_PPID_1, LEGACY_PPID_2);
        return sim;
    }

    private void populate(Account a, long firstId, String ppid1, String ppid2) {
        PodPointSimulator sim = this;
        SimPod driveway = sim.addPod(a, firstId, firstId + 100000, ppid1, "Driveway", 7.2, 21.6, false);
        SimPod garage = sim.addPod(a, firstId + 1, firstId + 100001, ppid2, "Garage", 3.6, 7.2, true);
        Instant now = clock.instant();
        // Two months of history for /stats and /export (a charge on most evenings, fixed numbers so the demo looks
        // the same every time), then the last week as before; oldest first so the newest ends up first.
        List<double[]> history = new ArrayList<>();
        for (int day = 62; day >= 7; day--) {
            if (day % 4 == 1 || day % 7 == 3) {
                continue; // some evenings without a charge
            }
            history.add(new double[] { day, 4.0 + (day * 37 % 23) * 0.9, 90 + (day * 53 % 200) });
        }
        history.addAll(List.of(new double[] { 6, 18.2, 190 }, new double[] { 5, 6.1, 130 },
                new double[] { 4, 24.9, 260 }, new double[] { 3, 4.4, 95 }, new double[] { 2, 12.7, 150 },
                new double[] { 1, 9.3, 170 }));
        int i = history.size() % 2 == 0 ? 0 : 1; // the last week alternates as before: Driveway first
        for (double[] h : history) {
            SimPod p = i++ % 2 == 0 ? driveway : garage;
            Instant ends = now.minus(Duration.ofHours((long) (h[0] * 24 - 7)));
            int minutes = (int) h[2];
            long chargingSeconds = Math.round(h[1] / p.powerKw * 3600);
            SimCharge c = new SimCharge(sim.nextChargeId++, p.unitId);
            c.startsAt = ends.minus(Duration.ofMinutes(minutes));
            c.endsAt = ends;
            c.kwh = h[1];
            c.durationMinutes = minutes;
            c.chargingSeconds = Math.min(chargingSeconds, minutes * 60L);
            c.costPence = (int) Math.round(h[1] * TARIFF_PENCE_PER_KWH);
            a.charges.add(0, c);
        }
        sim.plugIn(a, driveway);
        sim.plugIn(a, garage);
        double scenario = PLUGGED_IN_SECONDS + 3600;
        sim.advancePod(a, garage, scenario);
        // in clock time the garage's car was plugged in this long ago (the scenario runs faster than the clock)
        garage.current.startsAt = now.minusMillis(Math.round(scenario / speed * 1000));
    }

    /** Adds an account with no pods (for tests that build their own world). */
    public synchronized Account addAccount(String email, String password, long userId) {
        Account a = new Account(email, password, userId);
        accounts.put(email.toLowerCase(java.util.Locale.ROOT), a);
        return a;
    }

    synchronized SimPod addPod(Account a, long id, long unitId, String ppid, String name, double powerKw,
            double targetKwh, boolean firmwareUpdate) {
        SimPod p = new SimPod(id, unitId, ppid, name, powerKw, targetKwh, firmwareUpdate);
        for (int d = 1; d <= 7; d++) {
            p.schedules.add(schedule(UUID.randomUUID().toString(), d, "00:00:00", d, "00:00:01", false));
        }
        a.pods.add(p);
        return p;
    }

    static Map<String, Object> schedule(String uid, int startDay, String start, int endDay, String end,
            boolean active) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("uid", uid);
        s.put("start_day", startDay);
        s.put("start_time", start);
        s.put("end_day", endDay);
        s.put("end_time", end);
        s.put("status", Map.of("is_active", active));
        return s;
    }

    // ------------------------------------------------------------------ time

    public Clock clock() {
        return clock;
    }

    /** Scenario seconds per clock second. */
    public double speed() {
        return speed;
    }

    public Duration applyDelay() {
        return applyDelay;
    }

    /** Sets how long issued id tokens stay valid (tests of token refresh). */
    public synchronized void tokenTtl(Duration ttl) {
        this.tokenTtl = ttl;
    }

    /** Stops or restarts the automatic clock-driven story; {@link #advanceScenario} still works. */
    public synchronized void running(boolean running) {
        tick();
        this.running = running;
    }

    /** Catches up with the clock: applies due writes and moves the story on. Called before every request. */
    public synchronized void tick() {
        Instant now = clock.instant();
        applyDue(now);
        double elapsed = Math.max(0, Duration.between(lastTick, now).toMillis() / 1000.0);
        lastTick = now;
        if (running && elapsed > 0) {
            // At most one cycle per tick: a sleeping laptop must not produce a burst of charges.
            advanceAll(Math.min(elapsed * speed, REFERENCE_CYCLE_SECONDS));
        }
    }

    /** Moves every pod's story forward by this much scenario time, at once. */
    public synchronized void advanceScenario(Duration scenarioTime) {
        tick();
        advanceAll(scenarioTime.toMillis() / 1000.0);
    }

    /** Applies every pending write now, without waiting for the delay. */
    public synchronized void applyPendingNow() {
        List<Pending> all = new ArrayList<>(pending);
        pending.clear();
        all.forEach(p -> p.change().run());
    }

    /** Number of writes still on their way to a pod. */
    public synchronized int pendingWrites() {
        return pending.size();
    }

    /**
     * Runs the pod's story until its current charge completes (the car is unplugged), at most two cycles.
     *
     * @return the id of the completed charge, or empty when none completed (charging blocked by a schedule)
     */
    public synchronized Optional<Long> completeCharge(String ppid) {
        tick();
        Account a = accountOfPod(ppid).orElseThrow(() -> new IllegalArgumentException("unknown pod " + ppid));
        SimPod p = a.pods.stream().filter(x -> x.ppid.equals(ppid)).findFirst().orElseThrow();
        if (p.phase == Phase.AVAILABLE) {
            plugIn(a, p);
        }
        SimCharge c = p.current;
        for (int i = 0; i < 2 * REFERENCE_CYCLE_SECONDS / 60 && c.endsAt == null; i++) {
            advancePod(a, p, 60);
        }
        return c.endsAt == null ? Optional.empty() : Optional.of(c.id);
    }

    /** A one-line summary of each pod in the chat's words, e.g. "Driveway (PSL-424201): Charging 3.2 kWh". */
    public synchronized List<String> describe() {
        return describe(DEMO_USER_ID); // the first demo login
    }

    /** The same summary for one account's pods (tests compare it with that account's API answers). */
    public synchronized List<String> describe(long userId) {
        tick();
        List<String> out = new ArrayList<>();
        for (Account a : accounts.values().stream().filter(x -> x.userId == userId).toList()) {
            for (SimPod p : a.pods) {
                out.add(p.name + " (" + p.ppid + "): " + p.statusLabel()
                        + (p.current != null ? String.format(java.util.Locale.ROOT, " %.1f kWh", round1(p.kwh)) : ""));
            }
        }
        return out;
    }

    /** The connector state of a pod now, e.g. CHARGING (tests). */
    public synchronized String chargingState(String ppid) {
        tick();
        return pod(ppid).chargingState();
    }

    /** Takes a pod offline or back online (connectivity-status reports OFFLINE). */
    public synchronized void online(String ppid, boolean online) {
        pod(ppid).online = online;
    }

    // ------------------------------------------------------------------ story

    private void advanceAll(double seconds) {
        for (Account a : accounts.values()) {
            for (SimPod p : a.pods) {
                advancePod(a, p, seconds);
            }
        }
    }

    private void advancePod(Account a, SimPod p, double seconds) {
        double left = seconds;
        int guard = 0;
        while (left > 1e-9 && guard++ < 100) {
            p.offeringEnergy = offeringEnergy(p, clock.instant());
            switch (p.phase) {
                case AVAILABLE -> {
                    double step = Math.min(left, AVAILABLE_SECONDS - p.phaseSeconds);
                    p.phaseSeconds += step;
                    left -= step;
                    if (p.phaseSeconds >= AVAILABLE_SECONDS - 1e-9) {
                        plugIn(a, p);
                    }
                }
                case PLUGGED_IN -> {
                    double step = Math.min(left, PLUGGED_IN_SECONDS - p.phaseSeconds);
                    pass(p, step);
                    left -= step;
                    if (p.phaseSeconds >= PLUGGED_IN_SECONDS - 1e-9) {
                        enter(p, Phase.CHARGING);
                    }
                }
                case CHARGING -> {
                    if (!p.offeringEnergy) {
                        pass(p, left); // the car waits, plugged in, until the pod offers energy
                        left = 0;
                        break;
                    }
                    double needed = (p.targetKwh - p.kwh) / p.powerKw * 3600;
                    double step = Math.min(left, Math.max(needed, 0));
                    pass(p, step);
                    p.chargingSeconds += step;
                    p.kwh += p.powerKw * step / 3600;
                    left -= step;
                    if (p.kwh >= p.targetKwh - 1e-9) {
                        p.kwh = p.targetKwh;
                        enter(p, Phase.FULL);
                    }
                    p.current.kwh = round1(p.kwh);
                }
                case FULL -> {
                    double step = Math.min(left, FULL_SECONDS - p.phaseSeconds);
                    pass(p, step);
                    left -= step;
                    if (p.phaseSeconds >= FULL_SECONDS - 1e-9) {
                        unplug(p);
                    }
                }
            }
        }
    }

    private static void pass(SimPod p, double seconds) {
        p.phaseSeconds += seconds;
        p.pluggedSeconds += seconds;
    }

    private static void enter(SimPod p, Phase phase) {
        p.phase = phase;
        p.phaseSeconds = 0;
    }

    private void plugIn(Account a, SimPod p) {
        enter(p, Phase.PLUGGED_IN);
        p.pluggedSeconds = 0;
        p.chargingSeconds = 0;
        p.kwh = 0;
        SimCharge c = new SimCharge(nextChargeId++, p.unitId);
        c.startsAt = clock.instant(); // when the car is plugged in, in clock time: never back-dated
        p.current = c;
        a.charges.add(0, c);
    }

    /** The car leaves: the charge completes with its energy, cost and durations. */
    private void unplug(SimPod p) {
        SimCharge c = p.current;
        Instant now = clock.instant();
        c.endsAt = now;
        c.kwh = round1(p.kwh);
        c.durationMinutes = (int) (p.pluggedSeconds / 60);
        c.chargingSeconds = Math.round(p.chargingSeconds);
        c.costPence = (int) Math.round(c.kwh * TARIFF_PENCE_PER_KWH);
        p.current = null;
        p.kwh = 0;
        p.pluggedSeconds = 0;
        p.chargingSeconds = 0;
        enter(p, Phase.AVAILABLE);
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Does the pod offer energy now: an active override, no active schedule, or inside an active window. */
    static boolean offeringEnergy(SimPod p, Instant now) {
        if ("ACTIVE".equals(p.delegated) && p.override == null) {
            return true; // Smart charging: Pod Point's plan (the simulator lets it charge)
        }
        if (p.override != null) {
            Object ends = p.override.get("ends_at");
            if (ends == null) {
                return true;
            }
            Instant end = SimJson.parseInstant(ends.toString());
            if (end == null || end.isAfter(now)) {
                return true;
            }
        }
        List<Map<String, Object>> active = p.schedules.stream()
                .filter(s -> Boolean.TRUE.equals(((Map<?, ?>) s.get("status")).get("is_active"))).toList();
        if (active.isEmpty()) {
            return true;
        }
        ZonedDateTime local = now.atZone(ZoneId.of("Europe/London"));
        long minuteOfWeek = (local.getDayOfWeek().getValue() - 1) * 1440L * 60 + local.toLocalTime().toSecondOfDay();
        for (Map<String, Object> s : active) {
            long start = secondOfWeek(s.get("start_day"), s.get("start_time"));
            long end = secondOfWeek(s.get("end_day"), s.get("end_time"));
            boolean inside = end > start ? minuteOfWeek >= start && minuteOfWeek < end
                    : minuteOfWeek >= start || minuteOfWeek < end;
            if (inside) {
                return true;
            }
        }
        return false;
    }

    private static long secondOfWeek(Object day, Object time) {
        int d = ((Number) day).intValue();
        String[] t = time.toString().split(":");
        return (d - 1) * 86400L + Integer.parseInt(t[0]) * 3600L + Integer.parseInt(t[1]) * 60L
                + (t.length > 2 ? Integer.parseInt(t[2]) : 0);
    }

    static boolean isDay(Object v) {
        return v instanceof Number n && n.intValue() >= DayOfWeek.MONDAY.getValue()
                && n.intValue() <= DayOfWeek.SUNDAY.getValue() && n.doubleValue() == n.intValue();
    }

    // ------------------------------------------------------------------ accounts and tokens (for SimApi)

    synchronized Optional<Account> account(String email, String password) {
        Account a = email == null ? null : accounts.get(email.toLowerCase(java.util.Locale.ROOT));
        return a != null && a.password.equals(password) ? Optional.of(a) : Optional.empty();
    }

    /** Issues an id token and a refresh token: [idToken, refreshToken]. */
    synchronized String[] issueTokens(Account a) {
        String id = "sim-id-" + UUID.randomUUID();
        String refresh = "sim-rt-" + UUID.randomUUID();
        idTokens.put(id, new Token(a.email, clock.instant().plus(tokenTtl)));
        refreshTokens.put(refresh, a.email);
        return new String[] { id, refresh };
    }

    synchronized Optional<Account> refresh(String refreshToken) {
        String email = refreshToken == null ? null : refreshTokens.get(refreshToken);
        return Optional.ofNullable(email == null ? null : accounts.get(email.toLowerCase(java.util.Locale.ROOT)));
    }

    synchronized Duration tokenTtl() {
        return tokenTtl;
    }

    /** The account behind a Bearer id token that is known and not expired. */
    synchronized Optional<Account> bearer(String idToken) {
        Token t = idToken == null ? null : idTokens.get(idToken);
        if (t == null || !t.expiresAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.ofNullable(accounts.get(t.email().toLowerCase(java.util.Locale.ROOT)));
    }

    synchronized long nextSessionId() {
        return nextSessionId++;
    }

    Optional<Account> accountOfPod(String ppid) {
        return accounts.values().stream().filter(a -> a.pods.stream().anyMatch(p -> p.ppid.equals(ppid))).findFirst();
    }

    private SimPod pod(String ppid) {
        return accounts.values().stream().flatMap(a -> a.pods.stream()).filter(p -> p.ppid.equals(ppid)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown pod " + ppid));
    }

    // ------------------------------------------------------------------ delayed writes

    synchronized void later(Runnable change) {
        if (applyDelay.isZero()) {
            change.run();
        } else {
            pending.add(new Pending(clock.instant().plus(applyDelay), change));
        }
    }

    private void applyDue(Instant now) {
        List<Pending> due = pending.stream().filter(p -> !p.applyAt().isAfter(now)).toList();
        pending.removeAll(due);
        due.forEach(p -> p.change().run());
    }

    // ------------------------------------------------------------------ snapshots

    synchronized Instant now() {
        return clock.instant();
    }

    /** A charge's start: when its car was plugged in, in clock time (issue 14: it was back-dated by scenario time). */
    Instant startsAt(SimPod p, SimCharge c) {
        return c.startsAt;
    }

    SimPod podOfCharge(Account a, SimCharge c) {
        return a.pods.stream().filter(p -> p.current == c).findFirst().orElse(null);
    }
}
