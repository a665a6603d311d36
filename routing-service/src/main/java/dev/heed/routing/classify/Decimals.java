package dev.heed.routing.classify;

/**
 * The text of the rounded numbers that evidence shows ("p=0.333", "rules' score 0.67", "score -0.42"), looked up
 * instead of formatted: turning a double into text cost about 2% of a classification. Every entry is made by
 * {@link Double#toString(double)} itself, so the text is byte for byte what string concatenation of the same
 * double gives; numbers outside a table's range are formatted as before. Immutable.
 */
final class Decimals {

    /** {@code k / 10.0} for k in 0..100: a stated problem's harm. */
    static final Decimals TENTHS = new Decimals(10.0, 0, 100);
    /** {@code k / 100.0} for k in -100..100: scores in [-1, 1]. */
    static final Decimals HUNDREDTHS = new Decimals(100.0, -100, 100);
    /** {@code k / 1000.0} for k in 0..1000: probabilities. */
    static final Decimals THOUSANDTHS = new Decimals(1000.0, 0, 1000);

    private final double scale;
    private final int min;
    private final String[] texts;

    private Decimals(double scale, int min, int max) {
        this.scale = scale;
        this.min = min;
        this.texts = new String[max - min + 1];
        for (int k = min; k <= max; k++) {
            texts[k - min] = Double.toString(k / scale);
        }
    }

    /** {@code String.valueOf(k / scale)}, where {@code k} is what {@link Math#round(double)} gave. */
    String text(long k) {
        long at = k - min;
        return at >= 0 && at < texts.length ? texts[(int) at] : Double.toString(k / scale);
    }
}
