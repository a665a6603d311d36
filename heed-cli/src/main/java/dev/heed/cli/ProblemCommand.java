package dev.heed.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

/**
 * {@code heed problem link|unlink <problem-id> <complaint-id>} and {@code heed problem resolve <problem-id> --message TEXT},
 * each with {@code [--agent NAME] [--event-id ID] [--responder URL]}: an agent's action on a known problem through the
 * responder's problem API, so its rules hold: a link of an unknown complaint (404) or a resolved one (409) is exit 1 and
 * writes nothing. Resolving the problem tells every linked customer whose complaint is still open the message, once;
 * routing does that. What can be checked here is checked before anything is sent: wrong usage is exit 2.
 */
final class ProblemCommand {
    static final Set<String> OPTIONS = Set.of("message", "agent", "event-id", "responder");
    static final String USAGE = """
            usage: heed problem link <problem-id> <complaint-id> [--agent NAME] [--event-id ID] [--responder URL]
                   heed problem unlink <problem-id> <complaint-id> [--agent NAME] [--event-id ID] [--responder URL]
                   heed problem resolve <problem-id> --message TEXT [--agent NAME] [--event-id ID] [--responder URL]""";

    /** One checked request: the method and path under the responder, and the body. */
    record Request(String action, String problemId, String complaintId, String method, String path, ObjectNode body) {}

    private final HttpClient http;

    ProblemCommand(HttpClient http) {
        this.http = http;
    }

    static CliArgs parse(List<String> words) {
        return CliArgs.parse(words, OPTIONS, Set.of());
    }

    /** The request the arguments ask for, or a {@link UsageException}. */
    static Request request(CliArgs args) {
        List<String> words = args.positionals();
        if (words.isEmpty()) {
            throw new UsageException(USAGE);
        }
        String action = words.get(0);
        ObjectNode body = JsonView.MAPPER.createObjectNode();
        args.option("agent").ifPresent(agent -> body.put("agent", agent));
        args.option("event-id").ifPresent(id -> body.put("eventId", id));
        switch (action) {
            case "link", "unlink" -> {
                if (words.size() != 3 || args.option("message").isPresent()) {
                    throw new UsageException((args.option("message").isPresent() ? "--message is for resolve only\n" : "") + USAGE);
                }
                String problem = Responder.segment(words.get(1));
                if (action.equals("link")) {
                    body.put("complaintId", words.get(2));
                    return new Request(action, words.get(1), words.get(2), "POST", "/v1/problems/" + problem + "/links", body);
                }
                return new Request(action, words.get(1), words.get(2), "DELETE",
                        "/v1/problems/" + problem + "/links/" + Responder.segment(words.get(2)), body);
            }
            case "resolve" -> {
                if (words.size() != 2) {
                    throw new UsageException(USAGE);
                }
                String message = args.option("message").filter(m -> !m.isBlank()).orElseThrow(() ->
                        new UsageException("--message is required: the resolution as every linked customer is told it\n" + USAGE));
                body.put("message", message);
                return new Request(action, words.get(1), null, "POST", "/v1/problems/" + Responder.segment(words.get(1)) + "/resolve", body);
            }
            default -> throw new UsageException("unknown problem action " + action + "\n" + USAGE);
        }
    }

    int run(Request request, Responder responder, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        HttpResponse<String> response = responder.send(http, request.method(), request.path(), request.body().toString());
        return report(request, response.statusCode(), AckCommand.json(response.body()), out, err);
    }

    static int report(Request request, int status, JsonNode answer, PrintStream out, PrintStream err) {
        String subject = "problem " + request.problemId() + (request.complaintId() == null ? "" : ", complaint " + request.complaintId());
        if (status == 201) {
            String by = answer.path("agent").asText() + (answer.path("team").isTextual() ? " (team " + answer.path("team").asText() + ")" : "");
            String what = switch (request.action()) {
                case "link" -> "linked";
                case "unlink" -> "unlinked";
                default -> "resolved: every linked complaint still open is resolved with the message, once";
            };
            out.printf("%s %s: %s by %s at %s%n", answer.path("eventId").asText(), subject, what, by, answer.path("at").asText());
            return 0;
        }
        err.printf("heed problem %s: %s refused (%d %s): %s%s%n", request.action(), subject, status,
                answer.path("title").asText("no problem document"), answer.path("detail").asText(""), AckCommand.fieldErrors(answer));
        return status == 400 ? 2 : 1;
    }
}
