package dev.podbot.receipt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.podbot.command.Button;

/**
 * A receipt message's own buttons, stored as JSON ([[{"text":..,"data":..}]]), so every edit keeps them. Plain maps
 * on the way, so no class needs registering for reflection in a native build.
 */
final class ReceiptButtons {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<List<Map<String, String>>>> ROWS = new TypeReference<>() {
    };

    private ReceiptButtons() {
    }

    static String encode(List<List<Button>> rows) {
        if (rows == null || rows.isEmpty()) {
            return null;
        }
        List<List<Map<String, String>>> plain = new ArrayList<>();
        for (List<Button> row : rows) {
            List<Map<String, String>> r = new ArrayList<>();
            for (Button b : row) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("text", b.text());
                m.put("data", b.data());
                r.add(m);
            }
            plain.add(r);
        }
        try {
            return JSON.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static List<List<Button>> decode(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            List<List<Button>> rows = new ArrayList<>();
            for (List<Map<String, String>> row : JSON.readValue(json, ROWS)) {
                rows.add(row.stream().map(m -> new Button(m.get("text"), m.get("data"))).toList());
            }
            return rows;
        } catch (JsonProcessingException | RuntimeException e) {
            return List.of();
        }
    }
}
