package dev.heed.routing.classify;

import java.util.List;

/**
 * Which tokens belong to a proper name: two or more neighbouring words in title case ("Fair Credit Reporting
 * Act", "Best Buy", "United Airlines"), in a text that is not itself written in title case (a headline such
 * as "Great Product, Love It" names nothing). A name's words carry no sentiment. The first word of a sentence
 * is capitalised anyway, so it counts only in a run of three ("Fair Credit Reporting Act"), not of two
 * ("Great Service today").
 */
final class ProperNames {

    private ProperNames() {
    }

    /** {@code null} when no token is part of a name (the common case), else one flag per token. */
    static boolean[] of(List<Token> tokens) {
        int words = 0;
        int titled = 0;
        for (Token t : tokens) {
            if (t.isWord()) {
                words++;
                titled += t.titleCase() ? 1 : 0;
            }
        }
        if (titled < 2 || titled * 2 >= words) {
            return null;
        }
        boolean[] name = null;
        int i = 0;
        while (i < tokens.size()) {
            int end = i;
            while (end < tokens.size() && tokens.get(end).isWord() && tokens.get(end).titleCase()) {
                end++;
            }
            int from = i > 0 && !tokens.get(i - 1).endsSentence() || end - i >= 3 ? i : i + 1;
            if (end - i >= 2) {
                name = name == null ? new boolean[tokens.size()] : name;
                for (int k = from; k < end; k++) {
                    name[k] = true;
                }
            }
            i = Math.max(end, i + 1);
        }
        return name;
    }
}
