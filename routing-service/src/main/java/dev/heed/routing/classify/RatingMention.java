package dev.heed.routing.classify;

import java.util.List;

/**
 * A score written into the text: "10/10", "2 out of 10", "1 out of 5", "4 stars". Its valence runs from
 * -3 (the bottom of the scale) through 0 (the middle) to +3 (the top). A slash counts only when the two
 * numbers touch it ("8/10"), so dates and ranges with spaces are left alone; a bare number is nothing.
 */
final class RatingMention {

    /** A mention spanning tokens {@code first..last} with its valence. */
    record Match(int last, double valence) {
    }

    private RatingMention() {
    }

    static Match at(String text, List<Token> tokens, int i) {
        int value = number(tokens.get(i));
        if (value < 0) {
            return null;
        }
        Match slash = slashed(text, tokens, i, value);
        if (slash != null) {
            return slash;
        }
        if (i + 3 < tokens.size() && tokens.get(i + 1).norm().equals("out") && tokens.get(i + 2).norm().equals("of")) {
            return scaled(value, number(tokens.get(i + 3)), i + 3);
        }
        if (i + 1 < tokens.size() && (tokens.get(i + 1).norm().equals("stars") || tokens.get(i + 1).norm().equals("star"))) {
            return scaled(value, 5, i + 1);
        }
        return null;
    }

    private static Match slashed(String text, List<Token> tokens, int i, int value) {
        if (i + 1 >= tokens.size()) {
            return null;
        }
        Token a = tokens.get(i);
        Token b = tokens.get(i + 1);
        if (b.start() != a.end() + 1 || text.charAt(a.end()) != '/') {
            return null;
        }
        return scaled(value, number(b), i + 1);
    }

    private static Match scaled(int value, int outOf, int last) {
        if ((outOf != 5 && outOf != 10) || value > outOf) {
            return null;
        }
        double position = outOf == 5 ? (value - 1) / 4.0 : (Math.max(value, 1) - 1) / 9.0;
        return new Match(last, (Math.max(0, position) - 0.5) * 6);
    }

    private static int number(Token t) {
        if (t.kind() != Token.Kind.NUMBER || t.norm().length() > 2) {
            return -1;
        }
        return Integer.parseInt(t.norm());
    }
}
