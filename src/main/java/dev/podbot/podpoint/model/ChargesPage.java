package dev.podbot.podpoint.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One page of {@code GET /users/{id}/charges}, newest first. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChargesPage(@JsonProperty("charges") List<Charge> charges, @JsonProperty("meta") Meta meta) {

    public ChargesPage {
        charges = charges == null ? List.of() : List.copyOf(charges.stream().filter(c -> c != null).toList());
    }

    public Pagination pagination() {
        return meta == null || meta.pagination() == null ? null : meta.pagination();
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Meta(@JsonProperty("pagination") Pagination pagination) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pagination(@JsonProperty("current_page") Integer currentPage, @JsonProperty("per_page") Integer perPage,
            @JsonProperty("page_count") Integer pageCount, @JsonProperty("item_count") Integer itemCount) {
    }
}
