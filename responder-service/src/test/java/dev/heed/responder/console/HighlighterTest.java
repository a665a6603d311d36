package dev.heed.responder.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.Evidence;
import dev.heed.responder.console.Highlighter.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class HighlighterTest {
    private static Evidence span(String rule, int start, int end) {
        return new Evidence(rule, "sentiment", null, start, end, -1.0);
    }

    @Test
    void shouldMarkTheWordsEachRuleFiredOnAndKeepTheRestPlain() {
        String text = "I was charged twice and nobody answers.";
        List<Segment> segments = Highlighter.segments(text, List.of(span("phrase", 6, 19), span("rating", -1, -1)));

        assertThat(segments).extracting(Segment::text).containsExactly("I was ", "charged twice", " and nobody answers.");
        assertThat(segments.get(1).rules()).containsExactly("phrase → sentiment");
        assertThat(segments.get(0).rules()).isEmpty();
        assertThat(String.join("", segments.stream().map(Segment::text).toList())).isEqualTo(text);
    }

    @Test
    void shouldSplitOverlappingSpansAndIgnoreSpansOutsideTheText() {
        List<Segment> segments = Highlighter.segments("not good at all",
                List.of(span("negation", 0, 8), span("lexicon", 4, 8), span("broken", 10, 99)));

        assertThat(segments).extracting(Segment::text).containsExactly("not ", "good", " at all");
        assertThat(segments.get(0).rules()).containsExactly("negation → sentiment");
        assertThat(segments.get(1).rules()).containsExactly("negation → sentiment", "lexicon → sentiment");
    }
}
