package dev.podbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cutting text a user wrote never splits what they see as one character. */
class HtmlTest {

    static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // man, woman, girl joined
    static final String FLAG = "\uD83C\uDDEC\uD83C\uDDE7"; // GB: two regional indicators
    static final String THUMB = "\uD83D\uDC4D\uD83C\uDFFD"; // thumbs up, medium skin tone

    @Test
    void cutsOnGraphemeClustersNotUtf16Units() {
        String text = "/" + "a".repeat(38) + FAMILY + "tail";
        String cut = Html.shorten(text, 40);
        assertThat(cut).isEqualTo("/" + "a".repeat(38) + FAMILY + "…");
        // the old cut at 40 UTF-16 units kept half of the family: a lone surrogate
        assertThat(text.substring(0, 40)).endsWith("\uD83D");
    }

    @Test
    void emojiWithModifiersAndFlagsStayWhole() {
        assertThat(Html.shorten(THUMB.repeat(5), 2)).isEqualTo(THUMB + THUMB + "…");
        assertThat(Html.shorten(FLAG + FLAG + FLAG, 1)).isEqualTo(FLAG + "…");
        assertThat(Html.shorten("short", 40)).isEqualTo("short");
        assertThat(Html.shorten("", 40)).isEmpty();
    }
}
