package dev.podbot.podpoint.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A "charge now" override (API doc §5.6). {@code endsAt == null} means open-ended, i.e. Manual mode. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChargeOverride(
        @JsonProperty("ppid") String ppid,
        @JsonProperty("requested_at") @JsonDeserialize(using = LenientDateTimeDeserializer.class) OffsetDateTime requestedAt,
        @JsonProperty("received_at") @JsonDeserialize(using = LenientDateTimeDeserializer.class) OffsetDateTime receivedAt,
        @JsonProperty("ends_at") @JsonDeserialize(using = LenientDateTimeDeserializer.class) OffsetDateTime endsAt) {
}
