package dev.heed.routing.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keyword phrases that point at one value of an enum (a category, an intent), loaded from a resource with
 * columns {@code ENUM_NAME, phrase [, weight]}. Scans a token list once, longest phrase first.
 *
 * @param <E> the enum the keywords vote for
 */
final class KeywordTable<E extends Enum<E>> {

    /** One keyword that matched, with its span in the text. */
    record Match<E>(E target, String term, double weight, int start, int end, int firstToken) {
        Match(E target, String term, double weight, int start, int end) {
            this(target, term, weight, start, end, -1);
        }

        /** Evidence rule name: {@code "keyword"} for one word, {@code "phrase:<term>"} for several. */
        String rule() {
            return term.indexOf(' ') < 0 ? "keyword" : "phrase:" + term;
        }
    }

    private record Keyword<E>(E target, double weight) {
    }

    private final PhraseTable<Keyword<E>> table;

    private KeywordTable(PhraseTable<Keyword<E>> table) {
        this.table = table;
    }

    /** Loads a table recorded in the vocabulary under {@code bit}. */
    static <E extends Enum<E>> KeywordTable<E> load(String resource, Class<E> type, int bit) {
        PhraseTable.Builder<Keyword<E>> builder = new PhraseTable.Builder<>(new Tokenizer(Set.of()));
        for (String[] row : WordLists.rows(resource)) {
            double weight = row.length > 2 ? Double.parseDouble(row[2]) : 1.0;
            builder.add(row[1], new Keyword<>(Enum.valueOf(type, row[0]), weight));
        }
        return new KeywordTable<>(builder.build(bit));
    }

    PhraseTable<?> phrases() {
        return table;
    }

    List<Match<E>> scan(List<Token> tokens) {
        return scanWithIndex(tokens);
    }

    /**
     * As {@link #scan}, each match also naming the index of its first token. Read-only; the list is made at the
     * first match, as most texts match few phrases of a table and many none.
     */
    List<Match<E>> scanWithIndex(List<Token> tokens) {
        List<Match<E>> matches = null;
        for (int i = 0; i < tokens.size(); i++) {
            PhraseTable.Entry<Keyword<E>> e = table.longestAt(tokens, i);
            if (e != null) {
                int last = i + e.length() - 1;
                if (matches == null) {
                    matches = new ArrayList<>();
                }
                matches.add(new Match<>(e.value().target(), e.term(), e.value().weight(), tokens.get(i).start(),
                        tokens.get(last).end(), i));
                i = last;
            }
        }
        return matches == null ? List.of() : matches;
    }
}
