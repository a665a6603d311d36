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
 *
 * <p>{@code heed resolve} and {@code heed reopen} take the same path ({@link Action}) to the resolution and reopening
 * APIs: a resolution with its message and no promise, a reopening with its message and optionally the next update's
 * time. A resolved complaint resolved again, or a reopening of one that is not resolved, is refused (409, exit 1).
 * {@code heed wait-on-customer}, {@code heed wait-on-third-party} and {@code heed resume} put a complaint on hold and take
 * it off hold the same way (a resolved complaint is refused, 409, exit 1).
 */
final class UpdateCommand {

    /** What the command asks of the complaint: the command's name, the API's resource, the options it takes. */
    enum Action {
        UPDATE("update", "updates", Set.of("message", "next-update-by", "agent", "update-id", "responder"), Set.of("delay"),
                "usage: heed update <complaint-id> --message TEXT [--next-update-by ISO-TIME] [--delay] [--agent NAME] [--update-id ID] [--responder URL]",
                "the update as the customer is told it"),
        RESOLVE("resolve", "resolution", Set.of("message", "agent", "update-id", "responder"), Set.of(),
                "usage: heed resolve <complaint-id> --message TEXT [--agent NAME] [--update-id ID] [--responder URL]",
                "the resolution as the customer is told it"),
        REOPEN("reopen", "reopenings", Set.of("message", "next-update-by", "agent", "update-id", "responder"), Set.of(),
                "usage: heed reopen <complaint-id> --message TEXT [--next-update-by ISO-TIME] [--agent NAME] [--update-id ID] [--responder URL]",
                "why it is taken up again, as the customer is told it"),
        WAIT_ON_CUSTOMER("wait-on-customer", "wait-on-customer", Set.of("message", "next-update-by", "agent", "update-id", "responder"),
                Set.of(), "usage: heed wait-on-customer <complaint-id> --message TEXT [--next-update-by ISO-TIME] [--agent NAME] [--update-id ID] [--responder URL]",
                "what the customer is asked for"),
        WAIT_ON_THIRD_PARTY("wait-on-third-party", "wait-on-third-party", Set.of("message", "next-update-by", "agent", "update-id", "responder"),
                Set.of(), "usage: heed wait-on-third-party <complaint-id> --message TEXT [--next-update-by ISO-TIME] [--agent NAME] [--update-id ID] [--responder URL]",
                "whom the complaint waits on, as the customer is told it"),
        RESUME("resume", "resumption", Set.of("message", "next-update-by", "agent", "update-id", "responder"), Set.of(),
                "usage: heed resume <complaint-id> --message TEXT [--next-update-by ISO-TIME] [--agent NAME] [--update-id ID] [--responder URL]",
                "that the complaint is taken up again, as the customer is told it");

        final String command;
        final String resource;
        final Set<String> options;
        final Set<String> switches;
        final String usage;
        private final String message;

        Action(String command, String resource, Set<String> options, Set<String> switches, String usage, String message) {
            this.command = command;
            this.resource = resource;
            this.options = options;
            this.switches = switches;
            this.usage = usage;
            this.message = message;
        }

        CliArgs parse(java.util.List<String> words) {
            return CliArgs.parse(words, options, switches);
        }
    }

    private final HttpClient http;
    private final Action action;

    UpdateCommand(HttpClient http, Action action) {
        this.http = http;
        this.action = action;
    }

    int run(CliArgs args, Responder responder, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        String id = complaintId(action, args);
        HttpResponse<String> response = responder.post(http, id, action.resource, body(action, args).toString());
        return report(action, id, response.statusCode(), AckCommand.json(response.body()), out, err);
    }

    static String complaintId(Action action, CliArgs args) {
        if (args.positionals().size() != 1) {
            throw new UsageException(action.usage);
        }
        return args.positionals().get(0);
    }

    /** The request body the API of {@code action} takes; the options it does not take were refused by its parse. */
    static ObjectNode body(Action action, CliArgs args) {
        String message = args.option("message").filter(m -> !m.isBlank())
                .orElseThrow(() -> new UsageException("--message is required: " + action.message + "\n" + action.usage));
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

    static int report(Action action, String id, int status, JsonNode answer, PrintStream out, PrintStream err) {
        if (status == 201) {
            String by = answer.path("agent").asText() + (answer.path("team").isTextual() ? " (team " + answer.path("team").asText() + ")" : "");
            String what = switch (action) {
                case UPDATE -> "update %s of %s given";
                case RESOLVE -> "resolution %s: %s resolved";
                case REOPEN -> "reopening %s: %s reopened";
                case WAIT_ON_CUSTOMER -> "wait %s: %s on hold, waiting on the customer";
                case WAIT_ON_THIRD_PARTY -> "wait %s: %s on hold, waiting on a third party";
                case RESUME -> "resumption %s: %s off hold";
            };
            out.printf(what + " as %s at %s%s%n", answer.path("updateId").asText(), id, by, answer.path("updatedAt").asText(), promise(answer));
            return 0;
        }
        err.printf("heed %s: %s refused (%d %s): %s%s%n", action.command, id, status, answer.path("title").asText("no problem document"),
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
