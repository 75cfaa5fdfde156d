package dev.podbot.podpoint.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One entry of {@code GET /units/{id}/firmware}; accepts snake_case and the 2026 camelCase. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Firmware(
        @JsonProperty("serial_number") @JsonAlias("serialNumber") String serialNumber,
        @JsonProperty("version_info") @JsonAlias("versionInfo") VersionInfo versionInfo,
        @JsonProperty("update_status") @JsonAlias("updateStatus") UpdateStatus updateStatus) {

    public String version() {
        return versionInfo == null ? null : versionInfo.manifestId();
    }

    public boolean updateAvailable() {
        return updateStatus != null && Boolean.TRUE.equals(updateStatus.isUpdateAvailable());
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VersionInfo(@JsonProperty("manifest_id") @JsonAlias("manifestId") String manifestId,
            @JsonProperty("architecture") String architecture) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UpdateStatus(@JsonProperty("is_update_available") @JsonAlias("isUpdateAvailable") Boolean isUpdateAvailable) {
    }
}
