package dev.heed.ingest.http;

/** The two small pages a customer sees: the question for a link, and the thanks once the answer is stored. */
final class VerdictPages {
    private static final String HEAD = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>How did we do?</title>
            <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}
            fieldset{border:0;padding:0}label{margin-right:1rem}textarea{width:100%;min-height:6rem}</style></head><body>
            """;

    private VerdictPages() {}

    /** The question, posting back to {@code action} (the link's own query). */
    static String form(String action) {
        return HEAD + """
                <h1>How did we do?</h1>
                <form method="post" action="%s">
                <fieldset><legend>Your complaint was resolved. How happy are you with how we handled it?</legend>
                <label><input type="radio" name="score" value="1" required> 1 (bad)</label>
                <label><input type="radio" name="score" value="2"> 2</label>
                <label><input type="radio" name="score" value="3"> 3</label>
                <label><input type="radio" name="score" value="4"> 4</label>
                <label><input type="radio" name="score" value="5"> 5 (good)</label></fieldset>
                <p><label for="text">Anything you want to tell us (optional)</label><br>
                <textarea id="text" name="text" maxlength="2000"></textarea></p>
                <p><button type="submit">Send</button></p>
                </form></body></html>
                """.formatted(escape(action));
    }

    static String thanks(int score, boolean replayed) {
        String said = replayed ? "You told us before: " + score + " of 5. Your first answer stands." : "You gave us " + score + " of 5.";
        String next = score <= 2 ? " We are sorry we did not get it right; we will look at your complaint again." : "";
        return HEAD + "<h1>Thank you</h1><p>" + said + next + "</p></body></html>\n";
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
