package dev.heed.routing.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Categories from keyword lists ({@code categories.tsv}). A category's confidence is
 * {@code 1 - exp(-w)} where {@code w} sums the weights of its matched keywords, so one strong keyword
 * gives about 0.6 and two give about 0.85. Several categories may apply, best first; {@link Category#OTHER}
 * with confidence 1 when nothing matched. Negation does not matter here: "not delivered" is about delivery.
 */
final class CategoryDetector {

    private final KeywordTable<Category> keywords;

    CategoryDetector(KeywordTable<Category> keywords) {
        this.keywords = keywords;
    }

    static CategoryDetector loadDefault() {
        return new CategoryDetector(KeywordTable.load("categories.tsv", Category.class, Vocabulary.CATEGORIES));
    }

    PhraseTable<?> phrases() {
        return keywords.phrases();
    }

    List<CategoryScore> detect(String text, List<Token> tokens, List<Evidence> evidence) {
        double[] sums = new double[Category.values().length];
        for (KeywordTable.Match<Category> m : keywords.scan(tokens)) {
            sums[m.target().ordinal()] += m.weight();
            evidence.add(new Evidence(m.rule(), "category:" + m.target(), text.substring(m.start(), m.end()),
                    m.start(), m.end(), m.weight()));
        }
        List<CategoryScore> scores = new ArrayList<>();
        for (Category c : Category.values()) {
            if (sums[c.ordinal()] > 0) {
                scores.add(new CategoryScore(c, round(1 - Math.exp(-sums[c.ordinal()]))));
            }
        }
        if (scores.isEmpty()) {
            return List.of(new CategoryScore(Category.OTHER, 1.0));
        }
        scores.sort(Comparator.comparingDouble(CategoryScore::confidence).reversed());
        return scores;
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
