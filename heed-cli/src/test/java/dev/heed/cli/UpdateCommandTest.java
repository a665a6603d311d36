package dev.heed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code heed update} sends and says, without a responder; {@code HeedCliIT} runs it against a real one. */
class UpdateCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static CliArgs args(String... words) {
        return UpdateCommand.Action.UPDATE.parse(List.of(words));
    }

    @Test
    void theBodyCarriesTheMessageThePromiseTheDelayTheAgentAndTheUpdateId() throws Exception {
        JsonNode body = UpdateCommand.body(UpdateCommand.Action.UPDATE, args("fb-1", "--message", "The refund is approved.", "--next-update-by",
                "2026-11-24T12:00:00Z", "--delay", "--agent", "grace", "--update-id", "u-7"));

        assertThat(body).isEqualTo(JsonView.MAPPER.readTree("""
                {"message":"The refund is approved.","nextUpdateBy":"2026-11-24T12:00:00Z","delay":true,"agent":"grace","updateId":"u-7"}"""));
    }

    @Test
    void aPlainUpdateSendsTheMessageOnly() throws Exception {
        assertThat(UpdateCommand.body(UpdateCommand.Action.UPDATE, args("fb-1", "--message", "Done."))).isEqualTo(JsonView.MAPPER.readTree("{\"message\":\"Done.\"}"));
    }

    @Test
    void aMissingOrBlankMessageIsWrongUsage() {
        assertThatThrownBy(() -> UpdateCommand.body(UpdateCommand.Action.UPDATE, args("fb-1"))).isInstanceOf(UsageException.class).hasMessageContaining("--message is required");
        assertThatThrownBy(() -> UpdateCommand.body(UpdateCommand.Action.UPDATE, args("fb-1", "--message", "  "))).isInstanceOf(UsageException.class);
    }

    @Test
    void aDelayWithoutANewTimeAndATimeThatIsNoInstantAreWrongUsage() {
        assertThatThrownBy(() -> UpdateCommand.body(UpdateCommand.Action.UPDATE, args("fb-1", "--message", "m", "--delay")))
                .isInstanceOf(UsageException.class).hasMessageContaining("--next-update-by");
        assertThatThrownBy(() -> UpdateCommand.body(UpdateCommand.Action.UPDATE, args("fb-1", "--message", "m", "--next-update-by", "tomorrow")))
                .isInstanceOf(UsageException.class).hasMessageContaining("ISO-8601");
    }

    @Test
    void wrongUsageIsExitTwoBeforeAnyResponderIsLookedFor() {
        assertThat(run(List.of("update", "--message", "m"))).isEqualTo(2);
        assertThat(err()).contains(UpdateCommand.Action.UPDATE.usage);
        assertThat(run(List.of("update", "fb-1", "--message", "m", "--delay"))).isEqualTo(2);
        assertThat(err()).contains("--delay moves the promised update");
        assertThat(run(List.of("update", "fb-1", "--message", "m", "--bootstrap", "localhost:9092"))).isEqualTo(2);
        assertThat(err()).contains("unknown option --bootstrap");
    }

    @Test
    void aResponderThatDoesNotAnswerIsExitOne() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        int status = run(List.of("update", "fb-1", "--message", "m", "--responder", "http://127.0.0.1:" + port));

        assertThat(status).isEqualTo(1);
        assertThat(err()).contains("did not answer");
    }

    @Test
    void aWrittenUpdateIsReportedWithWhoGaveItAndTheNextPromise() throws Exception {
        JsonNode answer = JsonView.MAPPER.readTree("""
                {"complaintId":"fb-1","updateId":"upd_1","agent":"grace","team":"billing","updatedAt":"2026-11-24T10:00:00Z",
                 "message":"m","nextUpdateBy":"2026-11-25T10:00:00Z","delay":true}""");

        assertThat(UpdateCommand.report(UpdateCommand.Action.UPDATE, "fb-1", 201, answer, print(out), print(err))).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "update upd_1 of fb-1 given as grace (team billing) at 2026-11-24T10:00:00Z; the promised update moved to 2026-11-25T10:00:00Z\n");
    }

    @Test
    void aRefusalIsReportedWithTheProblemAndItsExitStatus() throws Exception {
        JsonNode conflict = JsonView.MAPPER.readTree("""
                {"title":"Not acknowledged","status":409,"detail":"complaint fb-1 is not acknowledged yet: acknowledge it first"}""");
        JsonNode invalid = JsonView.MAPPER.readTree("""
                {"title":"Invalid request","status":400,"detail":"bad fields","errors":[{"pointer":"/nextUpdateBy","detail":"must be in the future"}]}""");

        assertThat(UpdateCommand.report(UpdateCommand.Action.UPDATE, "fb-1", 409, conflict, print(out), print(err))).isEqualTo(1);
        assertThat(UpdateCommand.report(UpdateCommand.Action.UPDATE, "fb-1", 400, invalid, print(out), print(err))).isEqualTo(2);
        assertThat(UpdateCommand.report(UpdateCommand.Action.UPDATE, "fb-1", 404, AckCommand.json("<html>not found</html>"), print(out), print(err))).isEqualTo(1);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "heed update: fb-1 refused (409 Not acknowledged): complaint fb-1 is not acknowledged yet: acknowledge it first",
                "heed update: fb-1 refused (400 Invalid request): bad fields; /nextUpdateBy: must be in the future",
                "heed update: fb-1 refused (404 no problem document): <html>not found</html>");
    }

    @Test
    void resolveSendsTheResolutionWithoutAPromiseAndRefusesOneAsWrongUsage() throws Exception {
        CliArgs args = UpdateCommand.Action.RESOLVE.parse(List.of("fb-1", "--message", "Refunded.", "--update-id", "r-1", "--agent", "grace"));

        assertThat(UpdateCommand.body(UpdateCommand.Action.RESOLVE, args))
                .isEqualTo(JsonView.MAPPER.readTree("{\"message\":\"Refunded.\",\"agent\":\"grace\",\"updateId\":\"r-1\"}"));
        assertThat(run(List.of("resolve", "fb-1", "--message", "m", "--next-update-by", "2026-11-24T12:00:00Z"))).isEqualTo(2);
        assertThat(err()).contains("unknown option --next-update-by");
        assertThat(run(List.of("resolve", "fb-1", "--message", "m", "--delay"))).isEqualTo(2);
        assertThat(err()).contains("unknown option --delay");
        assertThat(run(List.of("resolve", "fb-1"))).isEqualTo(2);
        assertThat(err()).contains("--message is required: the resolution", UpdateCommand.Action.RESOLVE.usage);
        assertThat(run(List.of("resolve", "--message", "m"))).isEqualTo(2);
        assertThat(err()).contains(UpdateCommand.Action.RESOLVE.usage);
    }

    @Test
    void reopenSendsTheMessageAndThePromiseAndChecksItsUsage() throws Exception {
        CliArgs args = UpdateCommand.Action.REOPEN.parse(List.of("fb-1", "--message", "The refund bounced.", "--next-update-by", "2026-11-24T12:00:00Z"));

        assertThat(UpdateCommand.body(UpdateCommand.Action.REOPEN, args))
                .isEqualTo(JsonView.MAPPER.readTree("{\"message\":\"The refund bounced.\",\"nextUpdateBy\":\"2026-11-24T12:00:00Z\"}"));
        assertThat(run(List.of("reopen", "fb-1", "--message", "m", "--next-update-by", "soon"))).isEqualTo(2);
        assertThat(err()).contains("ISO-8601");
        assertThat(run(List.of("reopen", "fb-1", "--message", "m", "--delay"))).isEqualTo(2);
        assertThat(err()).contains("unknown option --delay");
        assertThat(run(List.of("reopen", "fb-1", "fb-2", "--message", "m"))).isEqualTo(2);
        assertThat(err()).contains(UpdateCommand.Action.REOPEN.usage);
    }

    @Test
    void aResolutionAndAReopeningAreReportedAsSuchAndTheirRefusalsNameTheCommand() throws Exception {
        JsonNode resolved = JsonView.MAPPER.readTree("""
                {"complaintId":"fb-1","updateId":"r-1","agent":"grace","team":null,"updatedAt":"2026-11-24T10:00:00Z","message":"m",
                 "nextUpdateBy":null,"delay":false,"action":"RESOLVE"}""");
        JsonNode reopened = JsonView.MAPPER.readTree("""
                {"complaintId":"fb-1","updateId":"o-1","agent":"grace","updatedAt":"2026-11-24T11:00:00Z","message":"m",
                 "nextUpdateBy":"2026-11-25T10:00:00Z","delay":false,"action":"REOPEN"}""");
        JsonNode conflict = JsonView.MAPPER.readTree("""
                {"title":"The complaint is resolved already","status":409,"detail":"complaint fb-1 was resolved by grace"}""");

        assertThat(UpdateCommand.report(UpdateCommand.Action.RESOLVE, "fb-1", 201, resolved, print(out), print(err))).isZero();
        assertThat(UpdateCommand.report(UpdateCommand.Action.REOPEN, "fb-1", 201, reopened, print(out), print(err))).isZero();
        assertThat(UpdateCommand.report(UpdateCommand.Action.RESOLVE, "fb-1", 409, conflict, print(out), print(err))).isEqualTo(1);

        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "resolution r-1: fb-1 resolved as grace at 2026-11-24T10:00:00Z",
                "reopening o-1: fb-1 reopened as grace at 2026-11-24T11:00:00Z; next update promised by 2026-11-25T10:00:00Z");
        assertThat(err()).isEqualTo("heed resolve: fb-1 refused (409 The complaint is resolved already): complaint fb-1 was resolved by grace\n");
    }

    @Test
    void aWaitAndAResumptionSendTheirMessageAndPromiseAndAreReportedAsSuch() throws Exception {
        CliArgs args = UpdateCommand.Action.WAIT_ON_THIRD_PARTY.parse(List.of("fb-1", "--message", "We asked the carrier.",
                "--next-update-by", "2026-11-24T12:00:00Z"));
        assertThat(UpdateCommand.body(UpdateCommand.Action.WAIT_ON_THIRD_PARTY, args))
                .isEqualTo(JsonView.MAPPER.readTree("{\"message\":\"We asked the carrier.\",\"nextUpdateBy\":\"2026-11-24T12:00:00Z\"}"));
        assertThat(run(List.of("wait-on-customer", "fb-1", "--message", "m", "--delay"))).isEqualTo(2);
        assertThat(err()).contains("unknown option --delay");
        assertThat(run(List.of("resume", "fb-1"))).isEqualTo(2);
        assertThat(err()).contains("--message is required: that the complaint is taken up again", UpdateCommand.Action.RESUME.usage);

        JsonNode waiting = JsonView.MAPPER.readTree("""
                {"complaintId":"fb-1","updateId":"w-1","agent":"grace","updatedAt":"2026-11-24T10:00:00Z","message":"m",
                 "nextUpdateBy":null,"delay":false,"action":"WAIT_ON_CUSTOMER"}""");
        JsonNode resumed = JsonView.MAPPER.readTree("""
                {"complaintId":"fb-1","updateId":"s-1","agent":"grace","updatedAt":"2026-11-24T11:00:00Z","message":"m",
                 "nextUpdateBy":null,"delay":false,"action":"RESUME"}""");
        assertThat(UpdateCommand.report(UpdateCommand.Action.WAIT_ON_CUSTOMER, "fb-1", 201, waiting, print(out), print(err))).isZero();
        assertThat(UpdateCommand.report(UpdateCommand.Action.RESUME, "fb-1", 201, resumed, print(out), print(err))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "wait w-1: fb-1 on hold, waiting on the customer as grace at 2026-11-24T10:00:00Z",
                "resumption s-1: fb-1 off hold as grace at 2026-11-24T11:00:00Z");
    }

    @Test
    void helpListsResolveAndReopen() {
        assertThat(run(List.of("help"))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("  resolve <complaint-id> --message TEXT", "  reopen <complaint-id> --message TEXT",
                "  wait-on-customer | wait-on-third-party <complaint-id> --message TEXT", "  resume <complaint-id> --message TEXT");
    }

    private int run(List<String> argv) {
        err.reset();
        return Heed.run(argv, Map.of("HEED_ACK_TOKEN", "t", "HEED_LOCAL_DATA_DIR", "/nonexistent-heed-dir"), print(out), print(err),
                new java.util.concurrent.atomic.AtomicBoolean());
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
