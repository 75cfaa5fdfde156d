package dev.podbot.podpoint.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One charge (API doc §5.4), with explicit units: {@code kwhUsed} in kWh, {@code durationMinutes} is the time
 * plugged in (minutes), {@code chargingDuration.raw} the time delivering power (seconds), {@code energyCostPence}
 * in pence. {@code endsAt == null} means the charge is still in progress (it completes when the car is unplugged).
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Charge(
        @JsonProperty("id") long id,
        @JsonProperty("kwh_used") Double kwhUsed,
        @JsonProperty("duration") Integer durationMinutes,
        @JsonProperty("starts_at") @JsonDeserialize(using = LenientDateTimeDeserializer.class) OffsetDateTime startsAt,
        @JsonProperty("ends_at") @JsonDeserialize(using = LenientDateTimeDeserializer.class) OffsetDateTime endsAt,
        @JsonProperty("charging_duration") ChargingDuration chargingDuration,
        @JsonProperty("energy_cost") Integer energyCostPence,
        @JsonProperty("location") Location location,
        @JsonProperty("pod") PodRef pod,
        @JsonProperty("ppid") String ppid,
        @JsonProperty("currency") String currency,
        @JsonProperty("home_id") String homeId) {

    /** A legacy charge (API doc §5.4): costs in pence (GBP), the pod named by id. */
    public Charge(long id, Double kwhUsed, Integer durationMinutes, OffsetDateTime startsAt, OffsetDateTime endsAt,
            ChargingDuration chargingDuration, Integer energyCostPence, Location location, PodRef pod) {
        this(id, kwhUsed, durationMinutes, startsAt, endsAt, chargingDuration, energyCostPence, location, pod, null,
                null, null);
    }

    /** The cost's currency: as Pod Point said, else GBP (legacy costs are pence). */
    public String currencyOrGbp() {
        return currency == null || currency.isBlank() ? "GBP" : currency;
    }

    public boolean inProgress() {
        return endsAt == null;
    }

    public double kwh() {
        return kwhUsed == null ? 0.0 : kwhUsed;
    }

    public int pluggedInMinutes() {
        return durationMinutes == null ? 0 : durationMinutes;
    }

    /** Seconds actually delivering power, or null when Pod Point did not say. */
    public Long chargingSeconds() {
        return chargingDuration == null ? null : chargingDuration.raw();
    }

    public int costPence() {
        return energyCostPence == null ? 0 : energyCostPence;
    }

    /** The id of the pod this charge belongs to: Pod Point uses the pod's unit id (sometimes its pod id). */
    public Long podId() {
        return pod == null ? null : pod.id();
    }

    /** True when this charge belongs to the given pod (matching both unit id and pod id, API doc §5.4). */
    public boolean belongsTo(Pod p) {
        if (ppid != null && p.ppid() != null) {
            return ppid.equalsIgnoreCase(p.ppid());
        }
        Long id = podId();
        return id != null && (id == p.unitId() || id == p.id());
    }

    public boolean isHome() {
        return location == null || location.home() == null || location.home();
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChargingDuration(@JsonProperty("raw") Long raw) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(@JsonProperty("id") Long id, @JsonProperty("home") Boolean home,
            @JsonProperty("timezone") String timezone) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PodRef(@JsonProperty("id") Long id) {
    }
}
