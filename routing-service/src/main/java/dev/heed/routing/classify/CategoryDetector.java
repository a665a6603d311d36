package dev.heed.routing.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Categories from keyword lists ({@code categories.tsv}). A category's confidence is
 * {@code 1 - exp(-w)} where {@code w} sums the weights of its matched keywords, so one strong keyword
 * gives about 0.6 and two give about 0.85. Several categories may apply, best first. When no keyword matched, the
 * kind of the stated problem implies one (money taken is billing, ...); {@link CategoryLabel#OTHER} with
 * confidence 1 when neither says anything. Negation does not matter here: "not delivered" is about delivery.
 */
final class CategoryDetector {

    /** Best first; built once rather than per text. */
    private static final Comparator<ScoredCategory> BEST_FIRST =
            Comparator.comparingDouble(ScoredCategory::confidence).reversed();
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

    /**
     * Categories of a text whose stated problem ({@link ComplaintSignals}) is {@code problem}: when no keyword
     * names a category, the kind of problem implies one (2.6).
     */
    List<ScoredCategory> detect(String text, List<Token> tokens, List<Finding> problem, List<Finding> evidence) {
        double[] sums = new double[LABELS.length];
        for (KeywordTable.Match<CategoryLabel> m : keywords.scan(tokens)) {
            sums[m.target().ordinal()] += m.weight();
            evidence.add(new Finding(m.rule(), DECISIONS[m.target().ordinal()], text.substring(m.start(), m.end()),
                    m.start(), m.end(), m.weight()));
        }
        List<ScoredCategory> scores = new ArrayList<>();
        for (CategoryLabel c : LABELS) {
            if (sums[c.ordinal()] > 0) {
                scores.add(new ScoredCategory(c, round(1 - Math.exp(-sums[c.ordinal()]))));
            }
        }
        if (scores.isEmpty()) {
            ScoredCategory implied = fromProblem(problem, evidence);
            return List.of(implied != null ? implied : new ScoredCategory(CategoryLabel.OTHER, 1.0));
        }
        scores.sort(BEST_FIRST);
        return scores;
    }

    /**
     * "The garage returned it with a new scratch", "Three weeks since the landlord said he'd send someone": no
     * word names a category, but what went wrong does: money taken is billing, something lost or broken is lost
     * or damaged, waiting, a broken promise or contact repeated is a wait for support, any other failure is the
     * quality of the product or service. Demands and action questions imply none. The kind with the most weight
     * wins (the first found on a tie); its confidence is {@code 1 - exp(-IMPLIED·weight)}, below that of one
     * keyword, so that it reads as the guess it is. Null when the problem implies nothing.
     */
    private static ScoredCategory fromProblem(List<Finding> problem, List<Finding> evidence) {
        double[] sums = new double[LABELS.length];
        Finding[] first = new Finding[LABELS.length];
        CategoryLabel best = null;
        for (Finding f : problem) {
            CategoryLabel c = implied(f.rule());
            if (c == null) {
                continue;
            }
            sums[c.ordinal()] += f.weight();
            if (first[c.ordinal()] == null) {
                first[c.ordinal()] = f;
            }
            if (best == null || sums[c.ordinal()] > sums[best.ordinal()]) {
                best = c;
            }
        }
        if (best == null) {
            return null;
        }
        Finding f = first[best.ordinal()];
        double weight = IMPLIED * sums[best.ordinal()];
        evidence.add(new Finding("category-from-problem", DECISIONS[best.ordinal()], f.text(), f.start(), f.end(), weight));
        return new ScoredCategory(best, round(1 - Math.exp(-weight)));
    }

    /** Share of the problem's weight a category implied by it counts. */
    static final double IMPLIED = 0.5;

    private static CategoryLabel implied(String rule) {
        return switch (rule) {
            case "problem:MONEY" -> CategoryLabel.BILLING;
            case "problem:LOST_BROKEN" -> CategoryLabel.LOST_DAMAGED;
            case "problem:WAITING", "problem:REPEAT", "problem:PROMISE_BROKEN" -> CategoryLabel.SUPPORT_WAIT;
            case "problem:FAILURE" -> CategoryLabel.PRODUCT_QUALITY;
            default -> null;
        };
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
