package dev.podbot.podpoint.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A charger ("pod") as returned by {@code GET /users/{id}/pods} (API doc §5.1). Lists are never null after
 * construction; nested objects may be.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Pod(
        @JsonProperty("id") long id,
        @JsonProperty("name") String name,
        @JsonProperty("ppid") String ppid,
        @JsonProperty("home") Boolean home,
        @JsonProperty("description") String description,
        @JsonProperty("unit_id") long unitId,
        @JsonProperty("timezone") String timezone,
        @JsonProperty("last_contact_at") @JsonDeserialize(using = LenientDateTimeDeserializer.class) OffsetDateTime lastContactAt,
        @JsonProperty("model") PodModel model,
        @JsonProperty("statuses") List<PodStatus> statuses,
        @JsonProperty("unit_connectors") List<UnitConnector> unitConnectors,
        @JsonProperty("charge_schedules") List<ChargeSchedule> chargeSchedules,
        @JsonProperty("charge_override") ChargeOverride chargeOverride) {

    public Pod {
        statuses = statuses == null ? List.of() : List.copyOf(statuses.stream().filter(s -> s != null).toList());
        unitConnectors = unitConnectors == null ? List.of() : List.copyOf(unitConnectors.stream().filter(c -> c != null).toList());
        chargeSchedules = chargeSchedules == null ? List.of() : List.copyOf(chargeSchedules.stream().filter(c -> c != null).toList());
    }

    /** The name people gave the pod, or its PPID when it has none. */
    public String displayName() {
        return name != null && !name.isBlank() ? name : ppid;
    }

    public Optional<String> modelName() {
        return Optional.ofNullable(model).map(PodModel::name);
    }

    /** Returns a copy with another charge override (e.g. after reading it separately). */
    public Pod withChargeOverride(ChargeOverride override) {
        return new Pod(id, name, ppid, home, description, unitId, timezone, lastContactAt, model, statuses,
                unitConnectors, chargeSchedules, override);
    }

    /** Returns a copy with another model (a poll reads no model; an earlier full read did). */
    public Pod withModel(PodModel m) {
        return new Pod(id, name, ppid, home, description, unitId, timezone, lastContactAt, m, statuses,
                unitConnectors, chargeSchedules, chargeOverride);
    }

    /** Returns a copy with other schedules (e.g. after a PUT). */
    public Pod withChargeSchedules(List<ChargeSchedule> schedules) {
        return new Pod(id, name, ppid, home, description, unitId, timezone, lastContactAt, model, statuses,
                unitConnectors, schedules, chargeOverride);
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PodModel(@JsonProperty("id") Long id, @JsonProperty("name") String name,
            @JsonProperty("vendor") String vendor) {
    }

    /** One status per door. {@code door} may be a letter or a number in the JSON, so it is read as text. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PodStatus(@JsonProperty("id") Integer id, @JsonProperty("name") String name,
            @JsonProperty("key_name") String keyName, @JsonProperty("label") String label,
            @JsonProperty("door") String door, @JsonProperty("door_id") Integer doorId) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitConnector(@JsonProperty("connector") Connector connector) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Connector(@JsonProperty("id") Long id, @JsonProperty("door") String door,
            @JsonProperty("door_id") Integer doorId, @JsonProperty("power") Double powerKw,
            @JsonProperty("current") Double currentAmps, @JsonProperty("voltage") Double voltage,
            @JsonProperty("charge_method") String chargeMethod, @JsonProperty("has_cable") Boolean hasCable) {
    }
}
