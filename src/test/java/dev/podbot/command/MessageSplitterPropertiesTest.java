package dev.podbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.podbot.telegram.BotApiRules;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever valid HTML goes in, every part the splitter makes (and every shortened text) is HTML Telegram's parser
 * accepts ({@link BotApiRules#html}) and fits the limit: no tag, entity or surrogate pair is ever cut.
 */
class MessageSplitterPropertiesTest {

    @Provide
    Arbitrary<String> telegramHtml() {
        Arbitrary<String> words = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("&amp;", "&lt;", "&gt;", "&quot;", "🔌", "⚡", "日本", " ", "\n", "\n\n", "&#128268;"));
        Arbitrary<String> runs = words.list().ofMinSize(1).ofMaxSize(40).map(l -> String.join("", l));
        Arbitrary<String> formatted = Arbitraries.oneOf(runs,
                runs.map(s -> "<b>" + s + "</b>"),
                runs.map(s -> "<i>" + s + "</i>"),
                runs.map(s -> "<code>" + s + "</code>"),
                runs.map(s -> "<b>" + s + " <i>" + s + "</i></b>"),
                runs.map(s -> "<a href=\"https://example.org/?a=1&amp;b=2\">" + s + "</a>"));
        return formatted.list().ofMinSize(1).ofMaxSize(400).map(l -> String.join("", l));
    }

    @Property(tries = 300)
    void everyPartIsValidHtmlWithinTheLimit(@ForAll("telegramHtml") String html,
            @ForAll @IntRange(min = 300, max = 4096) int max) {
        assertThat(BotApiRules.html(html)).as("the generator makes valid HTML").isNull();
        List<String> parts = MessageSplitter.split(html, max);
        for (String p : parts) {
            assertThat(p.length()).isLessThanOrEqualTo(max);
            assertThat(BotApiRules.html(p)).as(p).isNull();
        }
        String short1 = MessageSplitter.shorten(html, max);
        assertThat(short1.length()).isLessThanOrEqualTo(max);
        assertThat(BotApiRules.html(short1)).as(short1).isNull();
    }
}
