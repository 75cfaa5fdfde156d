package dev.podbot.stats;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.PeriodTotals;
import dev.podbot.podpoint.model.Pod;

/**
 * One period's charging, ready to draw and to sum up: energy per bucket (day or month) per charger, cost per
 * bucket, and the totals. Built from finished charges that started in the period (in the account's zone); a charge
 * still in progress is left out, as Pod Point's own totals do. When Pod Point computed the energy and cost totals
 * itself (Pod Home, API doc §10.12) those are shown, else the sums of the charges.
 */
public record ChargeStats(StatsPeriod period, ZoneId zone, List<ChargerRef> chargers,
        Map<LocalDate, Map<ChargerRef, Double>> kwhByBucket, Map<LocalDate, Long> costByBucket, double kwh,
        long costMinor, String currency, int charges, long pluggedInMinutes, long chargingSeconds,
        boolean totalsFromPodPoint) {

    public static ChargeStats of(StatsPeriod period, ZoneId zone, List<Charge> all, List<Pod> pods,
            Optional<PeriodTotals> podPointTotals) {
        Map<LocalDate, Map<ChargerRef, Double>> kwh = new TreeMap<>();
        Map<LocalDate, Long> cost = new TreeMap<>();
        for (LocalDate b : period.buckets()) {
            kwh.put(b, new LinkedHashMap<>());
            cost.put(b, 0L);
        }
        List<ChargerRef> chargers = new ArrayList<>();
        double sumKwh = 0;
        long sumCost = 0;
        long plugged = 0;
        long charging = 0;
        int count = 0;
        String currency = null;
        boolean allHome = true;
        for (Charge c : inPeriod(all, period, zone)) {
            LocalDate bucket = period.bucketOf(c.startsAt().atZoneSameInstant(zone).toLocalDate());
            ChargerRef ref = ChargerRef.of(c, pods);
            if (!chargers.contains(ref)) {
                chargers.add(ref);
            }
            kwh.get(bucket).merge(ref, c.kwh(), Double::sum);
            cost.merge(bucket, (long) c.costPence(), Long::sum);
            sumKwh += c.kwh();
            sumCost += c.costPence();
            plugged += c.pluggedInMinutes();
            charging += c.chargingSeconds() == null ? 0 : c.chargingSeconds();
            count++;
            currency = currency == null ? c.currencyOrGbp() : currency;
            allHome &= c.homeId() != null;
        }
        chargers.sort((a, b) -> a.label().compareToIgnoreCase(b.label()));
        // Pod Point's own totals cover Pod Home charges only: use them when no legacy charge is in the period
        boolean fromPodPoint = podPointTotals.isPresent() && allHome && count > 0;
        if (fromPodPoint) {
            sumKwh = podPointTotals.get().kwh();
            sumCost = podPointTotals.get().costMinor();
        }
        return new ChargeStats(period, zone, List.copyOf(chargers), kwh, cost, sumKwh, sumCost,
                currency == null ? "GBP" : currency, count, plugged, charging, fromPodPoint);
    }

    /** Finished charges that started in the period (local midnights in the zone), oldest first. */
    public static List<Charge> inPeriod(List<Charge> all, StatsPeriod period, ZoneId zone) {
        var from = period.from(zone);
        var to = period.to(zone);
        return all.stream().filter(c -> !c.inProgress() && c.startsAt() != null)
                .filter(c -> !c.startsAt().toInstant().isBefore(from) && c.startsAt().toInstant().isBefore(to))
                .sorted((a, b) -> a.startsAt().compareTo(b.startsAt())).toList();
    }

    public boolean isEmpty() {
        return charges == 0;
    }

    /** Average price in pence per kWh, or empty without energy. */
    public Optional<Double> pencePerKwh() {
        return kwh > 0 ? Optional.of(costMinor / kwh) : Optional.empty();
    }

    public double kwhOn(LocalDate bucket, ChargerRef charger) {
        return kwhByBucket.getOrDefault(bucket, Map.of()).getOrDefault(charger, 0.0);
    }
}
