package dev.podbot.receipt;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.podbot.command.Button;

/** A receipt message's own buttons, stored as JSON ([[{"text":..,"data":..}]]), so every edit keeps them. */
final class ReceiptButtons {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<List<Button>>> ROWS = new TypeReference<>() {
    };

    private ReceiptButtons() {
    }

    static String encode(List<List<Button>> rows) {
        if (rows == null || rows.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static List<List<Button>> decode(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            List<List<Button>> rows = JSON.readValue(json, ROWS);
            return rows == null ? List.of() : new ArrayList<>(rows);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
