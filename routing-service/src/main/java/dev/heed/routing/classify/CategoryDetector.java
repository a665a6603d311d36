package dev.heed.routing.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Categories from keyword lists ({@code categories.tsv}). A category's confidence is
 * {@code 1 - exp(-w)} where {@code w} sums the weights of its matched keywords, so one strong keyword
 * gives about 0.6 and two give about 0.85. Several categories may apply, best first; {@link CategoryLabel#OTHER}
 * with confidence 1 when nothing matched. Negation does not matter here: "not delivered" is about delivery.
 */
final class CategoryDetector {

    /** The evidence decision per category, {@code "category:BILLING"}, made once rather than per match. */
    private static final String[] DECISIONS = decisions();
    /** {@code values()} copies its array on every call. */
    private static final CategoryLabel[] LABELS = CategoryLabel.values();

    private final KeywordTable<CategoryLabel> keywords;

    CategoryDetector(KeywordTable<CategoryLabel> keywords) {
        this.keywords = keywords;
    }

    static CategoryDetector loadDefault() {
        return new CategoryDetector(KeywordTable.load("categories.tsv", CategoryLabel.class, Vocabulary.CATEGORIES));
    }

    PhraseTable<?> phrases() {
        return keywords.phrases();
    }

    List<ScoredCategory> detect(String text, List<Token> tokens, List<Finding> evidence) {
        double[] sums = new double[LABELS.length];
        for (KeywordTable.Match<CategoryLabel> m : keywords.scan(tokens)) {
            sums[m.target().ordinal()] += m.weight();
            evidence.add(new Finding(m.rule(), DECISIONS[m.target().ordinal()], text.substring(m.start(), m.end()),
                    m.start(), m.end(), m.weight()));
        }
        // Best first, ties in label order: each category goes in after those at least as confident, as a stable
        // sort by falling confidence would put it (a handful of entries; a comparator chain cost more than this).
        List<ScoredCategory> scores = new ArrayList<>();
        for (CategoryLabel c : LABELS) {
            if (sums[c.ordinal()] > 0) {
                ScoredCategory scored = new ScoredCategory(c, round(1 - Math.exp(-sums[c.ordinal()])));
                int at = scores.size();
                while (at > 0 && Double.compare(scored.confidence(), scores.get(at - 1).confidence()) > 0) {
                    at--;
                }
                scores.add(at, scored);
            }
        }
        if (scores.isEmpty()) {
            return List.of(new ScoredCategory(CategoryLabel.OTHER, 1.0));
        }
        return scores;
    }

    private static String[] decisions() {
        String[] decisions = new String[CategoryLabel.values().length];
        for (CategoryLabel c : CategoryLabel.values()) {
            decisions[c.ordinal()] = "category:" + c;
        }
        return decisions;
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
