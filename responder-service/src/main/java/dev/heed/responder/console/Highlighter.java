package dev.heed.responder.console;

import dev.heed.events.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Cuts a feedback text into segments at the boundaries of its evidence spans, so the page can mark the words
 * a rule fired on without parsing offsets in JavaScript. Spans outside the text, empty or not tied to the
 * text (start -1) are ignored; overlapping spans split into segments that name every rule covering them.
 */
public final class Highlighter {
    private Highlighter() {}

    /** One piece of the text; {@code rules} is empty for words no rule fired on. */
    public record Segment(String text, List<String> rules) {}

    public static List<Segment> segments(String text, List<Evidence> evidence) {
        List<Evidence> spans = evidence.stream()
                .filter(e -> e.getStart() >= 0 && e.getEnd() > e.getStart() && e.getEnd() <= text.length())
                .toList();
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
        spans.forEach(e -> {
            cuts.add(e.getStart());
            cuts.add(e.getEnd());
        });
        List<Segment> segments = new ArrayList<>();
        Integer from = cuts.first();
        for (Integer to : cuts.tailSet(from, false)) {
            int start = from;
            List<String> rules = spans.stream().filter(e -> e.getStart() <= start && e.getEnd() >= to)
                    .map(e -> e.getRule() + " → " + e.getDecision()).toList();
            segments.add(new Segment(text.substring(start, to), rules));
            from = to;
        }
        return segments;
    }
}
