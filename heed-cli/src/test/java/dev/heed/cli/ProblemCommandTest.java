package dev.heed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What {@code heed problem} sends and says, without a responder. */
class ProblemCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static ProblemCommand.Request request(String... words) {
        return ProblemCommand.request(ProblemCommand.parse(List.of(words)));
    }

    @Test
    void aLinkPostsTheComplaintToTheProblemsLinks() throws Exception {
        ProblemCommand.Request link = request("link", "PRB 7", "fb-1", "--agent", "grace", "--event-id", "e-1");

        assertThat(link.method()).isEqualTo("POST");
        assertThat(link.path()).isEqualTo("/v1/problems/PRB%207/links");
        assertThat(link.body()).isEqualTo(JsonView.MAPPER.readTree("{\"agent\":\"grace\",\"eventId\":\"e-1\",\"complaintId\":\"fb-1\"}"));
    }

    @Test
    void anUnlinkDeletesTheLinkAndAResolutionPostsTheMessage() throws Exception {
        ProblemCommand.Request unlink = request("unlink", "PRB-7", "fb/1");
        ProblemCommand.Request resolve = request("resolve", "PRB-7", "--message", "The outage is over.");

        assertThat(unlink.method()).isEqualTo("DELETE");
        assertThat(unlink.path()).isEqualTo("/v1/problems/PRB-7/links/fb%2F1");
        assertThat(resolve.path()).isEqualTo("/v1/problems/PRB-7/resolve");
        assertThat(resolve.body()).isEqualTo(JsonView.MAPPER.readTree("{\"message\":\"The outage is over.\"}"));
    }

    @Test
    void wrongUsageIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> request()).isInstanceOf(UsageException.class).hasMessageContaining("heed problem link");
        assertThatThrownBy(() -> request("fix", "PRB-7")).isInstanceOf(UsageException.class).hasMessageContaining("unknown problem action fix");
        assertThatThrownBy(() -> request("link", "PRB-7")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> request("link", "PRB-7", "fb-1", "--message", "m")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--message is for resolve only");
        assertThatThrownBy(() -> request("resolve", "PRB-7")).isInstanceOf(UsageException.class).hasMessageContaining("--message is required");
        assertThatThrownBy(() -> request("resolve", "PRB-7", "fb-1", "--message", "m")).isInstanceOf(UsageException.class);
    }

    @Test
    void wrongUsageIsExitTwoWhateverTheEnvironment() {
        int status = Heed.run(List.of("problem", "resolve", "PRB-7"), Map.of(), print(out), print(err), new AtomicBoolean());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--message is required");
    }

    @Test
    void aWrittenActionIsReportedAndARefusalIsExitOneOrTwo() throws Exception {
        ProblemCommand.Request link = request("link", "PRB-7", "fb-1");
        JsonNode written = JsonView.MAPPER.readTree("""
                {"problemId":"PRB-7","eventId":"prb_1","action":"LINK","complaintId":"fb-1","agent":"grace","team":null,"at":"2026-11-24T10:00:00Z"}""");
        JsonNode resolved = JsonView.MAPPER.readTree("""
                {"type":"urn:heed:problem:already-resolved","title":"The complaint is resolved already","status":409,"detail":"complaint fb-1 is resolved"}""");
        JsonNode invalid = JsonView.MAPPER.readTree("""
                {"title":"The request has invalid fields","status":400,"errors":[{"pointer":"/agent","detail":"a team token must name the agent"}]}""");

        assertThat(ProblemCommand.report(link, 201, written, print(out), print(err))).isZero();
        assertThat(ProblemCommand.report(link, 409, resolved, print(out), print(err))).isEqualTo(1);
        assertThat(ProblemCommand.report(link, 400, invalid, print(out), print(err))).isEqualTo(2);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("prb_1 problem PRB-7, complaint fb-1: linked by grace at 2026-11-24T10:00:00Z\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("(409 The complaint is resolved already): complaint fb-1 is resolved")
                .contains("/agent");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
