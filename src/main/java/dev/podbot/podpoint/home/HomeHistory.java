package dev.podbot.podpoint.home;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.podbot.podpoint.PodPointException;
import dev.podbot.podpoint.PodPointHttp;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.SignInRejectedException;
import dev.podbot.podpoint.UnsupportedFeatureException;
import dev.podbot.podpoint.legacy.LegacyPodPointClient;
import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.ChargesPage;
import io.quarkus.logging.Log;

/**
 * Charge history of a Pod Home account (API doc §10.10): {@code GET /charges?from&to} read in date windows
 * (never without dates), merged with the legacy history from before the migration and the legacy in-progress
 * charge (Pod Home lists only finished charges). A legacy charge that matches a Pod Home one (same charger, start
 * within 60 s) is dropped, and at most one in-progress entry per charger is kept. Newest first by start time.
 */
@ApplicationScoped
class HomeHistory {

    static final int WINDOW_DAYS = 30;
    static final int MAX_WINDOWS = 60;
    static final Duration SAME_CHARGE = Duration.ofSeconds(60);
    static final Duration RECENT_LOOKBACK = Duration.ofDays(14);

    @Inject
    HomeCalls calls;

    @Inject
    PodPointHttp http;

    @Inject
    LegacyPodPointClient legacy;

    LegacyPodPointClient legacy() {
        return legacy;
    }

    /**
     * Completed Pod Home charges that ended at or after {@code since} (the 14 days before {@code now} when null),
     * with one day of slack either side; the windows reach up to {@code now}, the caller's clock.
     */
    List<Charge> completedSince(PodPointSession s, Instant since, Instant now) {
        Instant from = since == null ? now.minus(RECENT_LOOKBACK) : since.minus(Duration.ofDays(1));
        LocalDate to = now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1);
        LocalDate start = from.atZone(ZoneOffset.UTC).toLocalDate();
        List<Charge> out = new ArrayList<>();
        for (LocalDate winEnd = to; !winEnd.isBefore(start); winEnd = winEnd.minusDays(WINDOW_DAYS)) {
            LocalDate winStart = winEnd.minusDays(WINDOW_DAYS - 1L);
            out.addAll(window(s, winStart.isBefore(start) ? start : winStart, winEnd));
        }
        return dedupe(out);
    }

    /**
     * Charges that started in {@code [from, to)}: Pod Home's in date windows covering the period (one day of slack
     * either side, as the day boundary's zone is not documented), merged with the legacy history of the same
     * period (read newest first, stopping before the period), without duplicates. Newest first.
     */
    List<Charge> between(PodPointSession s, Instant from, Instant to) {
        LocalDate start = from.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
        LocalDate end = to.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1);
        List<Charge> home = new ArrayList<>();
        for (LocalDate winStart = start; !winStart.isAfter(end); winStart = winStart.plusDays(WINDOW_DAYS)) {
            LocalDate winEnd = winStart.plusDays(WINDOW_DAYS - 1L);
            home.addAll(window(s, winStart, winEnd.isAfter(end) ? end : winEnd));
        }
        home = dedupe(home).stream().filter(c -> startsIn(c, from, to)).toList();
        List<Charge> legacyCharges;
        try {
            legacyCharges = legacy.chargesBetween(s, from, to);
        } catch (SignInRejectedException e) {
            throw e;
        } catch (PodPointException e) {
            Log.debugf("The legacy charge history could not be read (%s); showing Pod Home's", e.getClass().getSimpleName());
            legacyCharges = List.of();
        }
        List<Charge> merged = new ArrayList<>(home);
        Map<Long, String> none = Map.of();
        for (Charge c : legacyCharges) {
            if (c.inProgress() || home.stream().noneMatch(h -> same(h, c, none))) {
                merged.add(c);
            }
        }
        merged.sort(newestFirst());
        return merged;
    }

    private static boolean startsIn(Charge c, Instant from, Instant to) {
        if (c.startsAt() == null) {
            return false;
        }
        Instant st = c.startsAt().toInstant();
        return !st.isBefore(from) && st.isBefore(to);
    }

    /** One page of the merged history. */
    ChargesPage page(PodPointSession s, int page, int perPage) {
        if (page < 1 || perPage < 1 || perPage > 100) {
            throw new IllegalArgumentException("page must be >= 1 and perPage 1..100");
        }
        int need = page * perPage + 1;
        List<Charge> merged = merged(s, need);
        int from = Math.min(merged.size(), (page - 1) * perPage);
        List<Charge> slice = merged.subList(from, Math.min(merged.size(), from + perPage));
        boolean more = merged.size() > page * perPage;
        return new ChargesPage(slice, new ChargesPage.Meta(new ChargesPage.Pagination(page, perPage,
                more ? page + 1 : page, null)));
    }

    List<Charge> all(PodPointSession s) {
        return merged(s, Integer.MAX_VALUE);
    }

    /** Pod Home windows back in time until {@code need} charges or {@link #MAX_WINDOWS}, merged with legacy. */
    private List<Charge> merged(PodPointSession s, int need) {
        List<Charge> home = new ArrayList<>();
        LocalDate end = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        int empty = 0;
        for (int w = 0; w < MAX_WINDOWS && home.size() < need; w++) {
            List<Charge> got = window(s, end.minusDays(WINDOW_DAYS - 1L), end);
            home.addAll(got);
            empty = got.isEmpty() ? empty + 1 : 0;
            if (empty >= 6) {
                break; // half a year without a charge: the history has begun
            }
            end = end.minusDays(WINDOW_DAYS);
        }
        List<Charge> legacyCharges = legacyHistory(s, need);
        Map<Long, String> ppidByUnit = new HashMap<>();
        List<Charge> merged = new ArrayList<>(dedupe(home));
        Set<String> inProgress = new HashSet<>();
        for (Charge c : legacyCharges.stream().sorted(newestFirst()).toList()) {
            String ppid = c.ppid();
            if (c.inProgress()) {
                String key = ppid != null ? ppid : String.valueOf(c.podId());
                if (!inProgress.add(key)) {
                    continue;
                }
            }
            if (!c.inProgress() && home.stream().anyMatch(h -> same(h, c, ppidByUnit))) {
                continue;
            }
            merged.add(c);
        }
        merged.sort(newestFirst());
        return merged;
    }

    private static Comparator<Charge> newestFirst() {
        return Comparator.comparing((Charge c) -> c.startsAt() == null ? Instant.MIN : c.startsAt().toInstant())
                .reversed();
    }

    /** The same charge seen by both generations: a start within 60 s (the pod is matched where known). */
    private static boolean same(Charge home, Charge legacy, Map<Long, String> ppidByUnit) {
        if (home.startsAt() == null || legacy.startsAt() == null) {
            return false;
        }
        Duration d = Duration.between(home.startsAt(), legacy.startsAt()).abs();
        return d.compareTo(SAME_CHARGE) <= 0;
    }

    private List<Charge> legacyHistory(PodPointSession s, int need) {
        List<Charge> out = new ArrayList<>();
        try {
            for (int page = 1; page <= 50 && out.size() < need; page++) {
                ChargesPage p = legacy.charges(s, page, 50);
                out.addAll(p.charges());
                if (p.charges().size() < 50) {
                    break;
                }
            }
        } catch (SignInRejectedException e) {
            throw e;
        } catch (PodPointException e) {
            Log.debugf("The legacy charge history could not be read (%s); showing Pod Home's", e.getClass().getSimpleName());
        }
        return out;
    }

    private List<Charge> window(PodPointSession s, LocalDate from, LocalDate to) {
        String f = from.toString();
        String t = to.toString();
        JsonNode body;
        try {
            body = calls.read(s, PodHomeClient.F_HISTORY, null, PodHomeClient.EP_CHARGES, b -> http.home().charges(b, f, t));
        } catch (UnsupportedFeatureException e) {
            return List.of();
        }
        JsonNode list = body.path("data").path("charges");
        if (!list.isArray()) {
            list = body.path("charges").isArray() ? body.path("charges") : body.isArray() ? body : list;
        }
        List<Charge> out = new ArrayList<>();
        for (JsonNode n : list) {
            Charge c = HomeMapper.charge(n);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private static List<Charge> dedupe(List<Charge> charges) {
        Map<Long, Charge> byId = new LinkedHashMap<>();
        charges.forEach(c -> byId.putIfAbsent(c.id(), c));
        return new ArrayList<>(byId.values());
    }
}
