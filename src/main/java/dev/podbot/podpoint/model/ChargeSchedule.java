package dev.podbot.podpoint.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One weekly charging window (API doc §5.5). Days are ISO: 1 = Monday … 7 = Sunday. Times are "HH:MM:SS".
 * {@code uid} is present in responses and left out when creating new schedules.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChargeSchedule(
        @JsonProperty("uid") String uid,
        @JsonProperty("start_day") int startDay,
        @JsonProperty("start_time") String startTime,
        @JsonProperty("end_day") int endDay,
        @JsonProperty("end_time") String endTime,
        @JsonProperty("status") Status status) {

    public boolean active() {
        return status != null && Boolean.TRUE.equals(status.isActive());
    }

    public ChargeSchedule withActive(boolean active) {
        return new ChargeSchedule(uid, startDay, startTime, endDay, endTime, new Status(active));
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(@JsonProperty("is_active") Boolean isActive) {
    }
}
