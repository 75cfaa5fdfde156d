package dev.podbot.podpoint.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Live state from {@code GET /chargers/{ppid}/connectivity-status} (API doc §5.8). Never assumes
 * {@code evses[0]} or {@code connectors[0]} exist.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectivityStatus(@JsonProperty("ppid") String ppid, @JsonProperty("evses") List<Evse> evses) {

    public ConnectivityStatus {
        evses = evses == null ? List.of() : List.copyOf(evses.stream().filter(Objects::nonNull).toList());
    }

    public Optional<Evse> firstEvse() {
        return evses.stream().findFirst();
    }

    /** True when Pod Point says the charger is connected to its cloud. Unknown counts as offline. */
    public boolean online() {
        return firstEvse().map(Evse::connectivityState)
                .map(ConnectivityState::connectivityStatus)
                .map(s -> s.equalsIgnoreCase("ONLINE")).orElse(false);
    }

    /** Online true/false, or null when Pod Point does not know (no status, "Unknown", "Reconnecting"). */
    public Boolean onlineOrNull() {
        String st = firstEvse().map(Evse::connectivityState).map(ConnectivityState::connectivityStatus).orElse(null);
        if (st == null) {
            return null;
        }
        return switch (st.trim().toUpperCase(Locale.ROOT)) {
            case "ONLINE" -> Boolean.TRUE;
            case "OFFLINE" -> Boolean.FALSE;
            default -> null;
        };
    }

    /**
     * The Pod Home {@code connectivity-status-v2} reply (API doc §10.2) in this generation-neutral shape: one EVSE
     * with the {@code connectionState} and one connector with the {@code chargingState}.
     */
    public static ConnectivityStatus ofHome(String ppid, String connectionState, Integer quality, String chargingState,
            OffsetDateTime lastSeenAt) {
        return new ConnectivityStatus(ppid, List.of(new Evse(1,
                new ConnectivityState("home", connectionState, null, lastSeenAt, quality),
                chargingState == null ? List.of() : List.of(new Connector(1, "A", chargingState)), null)));
    }

    public Optional<Integer> signalStrength() {
        return firstEvse().map(Evse::connectivityState).map(ConnectivityState::signalStrength);
    }

    public Optional<Integer> connectionQuality() {
        return firstEvse().map(Evse::connectivityState).map(ConnectivityState::connectionQuality);
    }

    public Optional<OffsetDateTime> lastMessageAt() {
        return firstEvse().map(Evse::connectivityState).map(ConnectivityState::lastMessageAt);
    }

    /** The charging state of the first connector that reports one, normalised. */
    public ChargingState chargingState() {
        return evses.stream().flatMap(e -> e.connectors().stream())
                .map(Connector::chargingState).filter(Objects::nonNull)
                .findFirst().map(ChargingState::parse).orElse(ChargingState.UNKNOWN);
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Evse(@JsonProperty("id") Integer id,
            @JsonProperty("connectivityState") ConnectivityState connectivityState,
            @JsonProperty("connectors") List<Connector> connectors,
            @JsonProperty("architecture") String architecture) {
        public Evse {
            connectors = connectors == null ? List.of() : List.copyOf(connectors.stream().filter(Objects::nonNull).toList());
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConnectivityState(@JsonProperty("protocol") String protocol,
            @JsonProperty("connectivityStatus") String connectivityStatus,
            @JsonProperty("signalStrength") Integer signalStrength,
            @JsonProperty("lastMessageAt") @JsonDeserialize(using = LenientDateTimeDeserializer.class) OffsetDateTime lastMessageAt,
            @JsonProperty("connectionQuality") Integer connectionQuality) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Connector(@JsonProperty("id") Integer id, @JsonProperty("door") String door,
            @JsonProperty("chargingState") String chargingState) {
    }

    /** OCPP-like charging states, normalised from any case and separator ("suspended-ev", "SUSPENDED_EV"). */
    public enum ChargingState {
        AVAILABLE, PREPARING, CHARGING, SUSPENDED_EV, SUSPENDED_EVSE, FINISHING, IDLE, UNAVAILABLE,
        OUT_OF_SERVICE, FAULTED, UNKNOWN;

        public static ChargingState parse(String raw) {
            if (raw == null || raw.isBlank()) {
                return UNKNOWN;
            }
            // PascalCase ("SuspendedEVSE") and UPPER_CASE ("SUSPENDED_EVSE") alike, API doc §10.2
            String norm = raw.trim().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT)
                    .replace('-', '_').replace(' ', '_');
            for (ChargingState s : values()) {
                if (s.name().equals(norm)) {
                    return s;
                }
            }
            return UNKNOWN;
        }

        /** True when a car is connected (charging, paused or full). */
        public boolean pluggedIn() {
            return this == CHARGING || this == SUSPENDED_EV || this == SUSPENDED_EVSE || this == PREPARING
                    || this == FINISHING;
        }
    }
}
