package dev.podbot.podpoint.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Totals Pod Point itself computes for a period (Pod Home's per-charger {@code charge-statistics}, API doc §10.12):
 * energy in kWh and cost in minor units (pence), finished charges only.
 */
@RegisterForReflection
public record PeriodTotals(double kwh, long costMinor) {

    public PeriodTotals plus(PeriodTotals o) {
        return new PeriodTotals(kwh + o.kwh, costMinor + o.costMinor);
    }
}
