package dev.heed.classifier.tools;

import dev.heed.routing.classify.Finding;
import dev.heed.routing.classify.Verdict;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The strongest reasons behind a verdict, in one line, for reading a row's result. */
final class TopEvidence {

    static final int SHOWN = 4;

    private TopEvidence() {
    }

    /** The escalation's reason first, then the text spans that weighed most: {@code rule "words" weight}. */
    static String of(Verdict c) {
        List<Finding> spans = c.evidence().stream()
                .filter(e -> e.start() >= 0 && !e.decision().startsWith("category:"))
                .sorted(Comparator.comparingDouble((Finding e) -> Math.abs(e.weight())).reversed())
                .limit(SHOWN)
                .collect(Collectors.toList());
        StringBuilder line = new StringBuilder();
        c.evidence().stream().filter(e -> e.decision().equals("escalate")).findFirst()
                .ifPresent(e -> line.append(format(e)));
        for (Finding e : spans) {
            line.append(line.length() == 0 ? "" : "; ").append(format(e));
        }
        return line.toString();
    }

    private static String format(Finding e) {
        return String.format(Locale.ROOT, "%s \"%s\" %.2f", e.rule(), e.text().replace('\t', ' ').replace('\n', ' '),
                e.weight());
    }
}
