package dev.heed.routing.classify;

import java.util.Objects;

/** One category with a confidence in (0, 1]. */
public record ScoredCategory(CategoryLabel category, double confidence) {

    public ScoredCategory {
        Objects.requireNonNull(category, "category");
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be in [0,1], was " + confidence);
        }
    }
}
