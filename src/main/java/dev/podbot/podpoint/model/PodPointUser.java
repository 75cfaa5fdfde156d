package dev.podbot.podpoint.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The signed-in user from {@code GET /auth} (API doc §5.7). {@code toString} leaves the e-mail out. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record PodPointUser(
        @JsonProperty("id") Long id,
        @JsonProperty("email") String email,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("last_name") String lastName,
        @JsonProperty("account") Account account) {

    @Override
    public String toString() {
        return "PodPointUser[id=" + id + "]";
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Account(@JsonProperty("user_id") Long userId, @JsonProperty("balance") Integer balancePence,
            @JsonProperty("currency") String currency) {
    }
}
