package dev.heed.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * {@code heed update <complaint-id> --message TEXT [--next-update-by ISO-TIME] [--delay] [--agent NAME] [--update-id ID]
 * [--responder URL]}: gives the customer of an acknowledged complaint an update through the responder's update API,
 * as an agent's tool does, so the API's rules hold: an unknown complaint is refused (404, exit 1), one nobody has
 * acknowledged too (409, exit 1), and the token decides who gives it. The responder delivers the message to the
 * customer; routing keeps the promise clock from it. What can be checked here (a message, an instant, {@code --delay}
 * only with a new time) is checked before anything is sent: wrong usage is exit 2 and writes nothing.
 */
final class UpdateCommand {
    static final Set<String> OPTIONS = Set.of("message", "next-update-by", "agent", "update-id", "responder");
    static final Set<String> SWITCHES = Set.of("delay");
    static final String USAGE = "usage: heed update <complaint-id> --message TEXT [--next-update-by ISO-TIME] [--delay]"
            + " [--agent NAME] [--update-id ID] [--responder URL]";

    private final HttpClient http;

    UpdateCommand(HttpClient http) {
        this.http = http;
    }

    int run(CliArgs args, Responder responder, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        String id = complaintId(args);
        HttpResponse<String> response = responder.post(http, id, "updates", body(args).toString());
        return report(id, response.statusCode(), AckCommand.json(response.body()), out, err);
    }

    static String complaintId(CliArgs args) {
        if (args.positionals().size() != 1) {
            throw new UsageException(USAGE);
        }
        return args.positionals().get(0);
    }

    /** The request body the update API takes. */
    static ObjectNode body(CliArgs args) {
        String message = args.option("message").filter(m -> !m.isBlank())
                .orElseThrow(() -> new UsageException("--message is required: the update as the customer is told it\n" + USAGE));
        ObjectNode body = JsonView.MAPPER.createObjectNode().put("message", message);
        args.instant("next-update-by").ifPresent(next -> body.put("nextUpdateBy", next.toString()));
        if (args.flag("delay")) {
            if (!body.has("nextUpdateBy")) {
                throw new UsageException("--delay moves the promised update: it needs --next-update-by with the new time");
            }
            body.put("delay", true);
        }
        args.option("agent").ifPresent(agent -> body.put("agent", agent));
        args.option("update-id").ifPresent(updateId -> body.put("updateId", updateId));
        return body;
    }

    static int report(String id, int status, JsonNode answer, PrintStream out, PrintStream err) {
        if (status == 201) {
            String by = answer.path("agent").asText() + (answer.path("team").isTextual() ? " (team " + answer.path("team").asText() + ")" : "");
            out.printf("update %s of %s given as %s at %s%s%n", answer.path("updateId").asText(), id, by,
                    answer.path("updatedAt").asText(), promise(answer));
            return 0;
        }
        err.printf("heed update: %s refused (%d %s): %s%s%n", id, status, answer.path("title").asText("no problem document"),
                answer.path("detail").asText(""), AckCommand.fieldErrors(answer));
        return status == 400 ? 2 : 1;
    }

    private static String promise(JsonNode answer) {
        if (!answer.path("nextUpdateBy").isTextual()) {
            return "";
        }
        return (answer.path("delay").asBoolean() ? "; the promised update moved to " : "; next update promised by ")
                + answer.path("nextUpdateBy").asText();
    }

}
