package dev.heed.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * {@code heed ack <complaint-id> [--agent NAME] [--note N] [--next-update 2026-11-24T12:00:00Z] [--responder URL]}:
 * acknowledges a complaint through the responder's acknowledge API, exactly as an agent's tool or the console
 * does, so the same rules hold: an unknown complaint is refused (404, exit 1), an already acknowledged one is
 * reported with the acknowledgement in force and nothing is written (200, exit 0), and the token decides who
 * acknowledges (an agent token as its agent; a team token names the agent with {@code --agent}).
 */
final class AckCommand {
    static final Set<String> OPTIONS = Set.of("agent", "note", "next-update", "responder");
    static final String USAGE = "usage: heed ack <complaint-id> [--agent NAME] [--note N] [--next-update ISO-TIME] [--responder URL]";

    private final HttpClient http;

    AckCommand(HttpClient http) {
        this.http = http;
    }

    int run(CliArgs args, Responder responder, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        if (args.positionals().size() != 1) {
            throw new UsageException(USAGE);
        }
        String id = args.positionals().get(0);
        HttpResponse<String> response = responder.post(http, id, "acknowledgements", body(args).toString());
        return report(id, response.statusCode(), json(response.body()), out, err);
    }

    private static int report(String id, int status, JsonNode answer, PrintStream out, PrintStream err) {
        String by = answer.path("agent").asText() + (answer.path("team").isTextual() ? " (team " + answer.path("team").asText() + ")" : "");
        String at = answer.path("acknowledgedAt").asText();
        if (status == 201) {
            out.printf("acknowledged %s as %s at %s (%s)%n", id, by, at, answer.path("acknowledgementId").asText());
            return 0;
        }
        if (status == 200) {
            out.printf("%s was already acknowledged by %s at %s (%s); nothing written%n", id, by, at,
                    answer.path("acknowledgementId").asText());
            return 0;
        }
        err.printf("heed ack: %s refused (%d %s): %s%s%n", id, status, answer.path("title").asText("no problem document"),
                answer.path("detail").asText(""), fieldErrors(answer));
        return status == 400 ? 2 : 1;
    }

    /** The request body the acknowledge API takes; {@code source} CLI marks where the acknowledgement came from. */
    static ObjectNode body(CliArgs args) {
        ObjectNode body = JsonView.MAPPER.createObjectNode().put("source", "CLI");
        args.option("agent").ifPresent(agent -> body.put("agent", agent));
        args.option("note").ifPresent(note -> body.put("note", note));
        args.instant("next-update").ifPresent(next -> body.put("nextUpdateBy", next.toString()));
        return body;
    }

    static String fieldErrors(JsonNode answer) {
        StringBuilder text = new StringBuilder();
        answer.path("errors").forEach(e -> text.append("; ").append(e.path("pointer").asText()).append(": ").append(e.path("detail").asText()));
        return text.toString();
    }

    static JsonNode json(String body) {
        try {
            return body == null || body.isBlank() ? JsonView.MAPPER.createObjectNode() : JsonView.MAPPER.readTree(body);
        } catch (IOException e) {
            // Not JSON (a proxy's error page, say): the status line still says what happened.
            return JsonView.MAPPER.createObjectNode().put("detail", body.strip());
        }
    }

}
