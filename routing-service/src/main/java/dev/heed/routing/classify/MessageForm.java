package dev.heed.routing.classify;

import java.util.List;

/**
 * What kind of message a text is, by its form alone: someone else's post passed on ({@code RT @brand: ...}), an
 * enquiry (it asks a question), or a statement. Feedback sent to a company that states something of the writer's
 * own experience, rather than asking, is far more often a complaint than the general text the model was trained on
 * (reviews and tweets on any topic); an enquiry or a forwarded post is not.
 */
enum MessageForm {
    FORWARDED, ENQUIRY, STATEMENT;

    static MessageForm of(List<Token> tokens) {
        if (tokens.size() > 1 && tokens.get(0).norm().equals("rt") && tokens.get(1).kind() == Token.Kind.HANDLE) {
            return FORWARDED;
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isPunct() && t.norm().equals("?") && !repeated(tokens, i)) {
                return ENQUIRY;
            }
        }
        return STATEMENT;
    }

    /** "??" or "?!": indignation rather than a question. */
    private static boolean repeated(List<Token> tokens, int i) {
        return i + 1 < tokens.size() && tokens.get(i + 1).start() == tokens.get(i).end() && tokens.get(i + 1).isPunct()
                && (tokens.get(i + 1).norm().equals("?") || tokens.get(i + 1).norm().equals("!"))
                || i > 0 && tokens.get(i - 1).end() == tokens.get(i).start() && tokens.get(i - 1).isPunct()
                && (tokens.get(i - 1).norm().equals("?") || tokens.get(i - 1).norm().equals("!"));
    }
}
