package dev.podbot.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class MessageSplitterTest {

    @Test
    void shortTextIsOnePart() {
        assertEquals(List.of("<b>hi</b>"), MessageSplitter.split("<b>hi</b>"));
    }

    @Test
    void splitsAtLineBreaksWithinTheLimit() {
        String text = ("line of text number\n").repeat(600); // 12 000 chars
        List<String> parts = MessageSplitter.split(text);
        assertTrue(parts.size() >= 3);
        parts.forEach(p -> assertTrue(p.length() <= 4096));
        assertEquals(text.replace("\n", ""), String.join("", parts).replace("\n", ""));
    }

    @Test
    void closesAndReopensTagsAcrossParts() {
        String text = "<b>" + "word ".repeat(2000) + "</b>";
        List<String> parts = MessageSplitter.split(text);
        assertTrue(parts.size() >= 2);
        for (String p : parts) {
            assertTrue(p.length() <= 4096);
            assertTrue(p.startsWith("<b>"), p.substring(0, 10));
            assertTrue(p.endsWith("</b>"));
        }
    }

    @Test
    void neverCutsEntitiesTagsOrSurrogatePairs() {
        String unit = "a&amp;b <i>x</i> 🔌";
        String text = unit.repeat(1000).replace(" ", "");
        for (String p : MessageSplitter.split(text, 100)) {
            assertTrue(p.length() <= 100);
            int lastAmp = p.lastIndexOf('&');
            assertTrue(lastAmp < 0 || p.indexOf(';', lastAmp) > 0, p);
            assertTrue(p.lastIndexOf('<') < p.lastIndexOf('>'), p);
            assertTrue(!Character.isHighSurrogate(p.charAt(p.length() - 1)), p);
        }
    }
}
