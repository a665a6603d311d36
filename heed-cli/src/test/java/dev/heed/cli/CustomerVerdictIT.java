package dev.heed.cli;

import static dev.heed.cli.ComplaintLifeIT.awaitReady;
import static dev.heed.cli.ComplaintLifeIT.feedback;
import static dev.heed.cli.ComplaintLifeIT.last;
import static dev.heed.cli.ComplaintLifeIT.read;
import static dev.heed.cli.ComplaintLifeIT.send;
import static dev.heed.cli.ComplaintLifeIT.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.EscalationLevel;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.FeedbackReceived;
import dev.heed.ingest.IngestApplication;
import dev.heed.ingest.IngestConfig;
import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Ports;
import dev.heed.localstack.Stack;
import dev.heed.responder.ResponderApplication;
import dev.heed.responder.ResponderConfig;
import dev.heed.responder.delivery.Sleeper;
import dev.heed.routing.app.RoutingService;
import dev.heed.runtime.auth.TokenStore;
import dev.heed.schemas.topics.HeedTopics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The customer's verdict through every service on a real broker and registry, with a real SMTP server: a complaint is
 * escalated, acknowledged and resolved with {@code heed resolve}; the resolution e-mail carries a signed link to ingest;
 * the customer answers 1 of 5 through it, and routing reopens the complaint and escalates it a level. The link answered
 * again (with another score) changes nothing, and no topic holds an event twice.
 */
@ExtendWith(LocalStackExtension.class)
class CustomerVerdictIT {
    private static final String POLICY = "it-critical: severity=CRITICAL target=10m;it-high: severity=HIGH target=10m;"
            + "it-medium: severity=MEDIUM target=10m;it-low: severity=LOW target=10m";
    private static final String TOKEN = "verdict-agent-token";
    private static final String SECRET = "the-verdict-secret-of-the-life-it";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/v1/complaints/\\S+/verdict\\?\\S+");

    @Test
    void aResolvedComplaintAnsweredOneOfFiveIsReopenedAndEscalatedALevel(Stack stack) throws Exception {
        String suffix = "." + stack.uniqueName("verdict");
        HeedTopics topics = ComplaintLifeIT.topics(stack, suffix);
        String id = stack.uniqueName("complaint");
        GreenMail smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, String> common = Map.of("HEED_BOOTSTRAP_SERVERS", stack.bootstrapServers(), "HEED_REGISTRY_URL", stack.registryUrl(),
                "HEED_TOPIC_SUFFIX", suffix, "HEED_TOPIC_PARTITIONS", "3", "HEED_KAFKA_METADATA_MAX_AGE_MS", "1000",
                "HEED_ACK_TOKENS", "agent:grace:" + TokenStore.hash(TOKEN), "HEED_SLA_POLICIES", POLICY, "HEED_VERDICT_SECRET", SECRET);
        try (IngestApplication ingest = IngestApplication.start(IngestConfig.from(with(common, Map.of(
                     "HEED_INGEST_HOST", "127.0.0.1", "HEED_INGEST_PORT", "0"))), Clock.systemUTC());
             RoutingService routing = ComplaintLifeIT.routing(stack, common);
             ResponderApplication responder = ResponderApplication.start(ResponderConfig.from(with(common, Map.of(
                     "HEED_RESPONDER_GROUP_ID", stack.uniqueName("responder"), "HEED_RESPONDER_PORT", "0",
                     "HEED_RESPONDER_HOST", "127.0.0.1", "HEED_SMTP_HOST", "127.0.0.1",
                     "HEED_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()), "HEED_ESCALATION_WAIT", "20s",
                     "HEED_VERDICT_URL", "http://127.0.0.1:" + ingest.port()))),
                     Clock.systemUTC(), Sleeper.system(), t -> t)) {
            String responderUrl = "http://127.0.0.1:" + responder.port();
            Map<String, String> cli = Map.of("HEED_RESPONDER_URL", responderUrl, "HEED_ACK_TOKEN", TOKEN);
            awaitReady(responderUrl);

            send(stack, topics.feedbackReceived(), id, feedback(id, id + "@example.com"));
            await().atMost(WAIT).until(() -> read(stack, topics.complaintsEscalated(), id).size() == 1);
            await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length == 1);
            CliRun ack = await().atMost(WAIT).until(() -> CliRun.of(List.of("ack", id), cli), run -> run.status() == 0);
            assertThat(ack.out()).startsWith("acknowledged " + id);
            CliRun resolve = CliRun.of(List.of("resolve", id, "--message", "The refund is in your account.", "--update-id", "v-r1"), cli);
            assertThat(resolve.status()).as(resolve.err()).isZero();
            ComplaintState resolved = await().atMost(WAIT).until(() -> last(read(stack, topics.complaintsState(), id)),
                    s -> s != null && s.getStatus() == ComplaintStatus.RESOLVED);
            assertThat(resolved.getLevel()).isEqualTo(EscalationLevel.AGENT);

            // The resolution e-mail asks how we did, through a link to ingest signed for this complaint and resolution.
            await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length >= 2);
            String mail = smtp.getReceivedMessages()[1].getContent().toString();
            assertThat(smtp.getReceivedMessages()[1].getHeader("X-Heed-Template")[0]).startsWith("complaint-resolved/");
            String link = verdictLink(mail);
            assertThat(link).contains("/v1/complaints/" + id + "/verdict?resolution=v-r1&expires=");

            HttpClient http = HttpClient.newHttpClient();
            assertThat(http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .contains("How did we do?");
            HttpResponse<String> answered = post(http, link, "{\"score\":1,\"text\":\"Nothing arrived. This is the third time I write.\"}");
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
            HttpResponse<String> again = post(http, link, "{\"score\":5}");
            assertThat(again.statusCode()).isEqualTo(202);
            assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            HttpResponse<String> forged = post(http, link.replace("resolution=v-r1", "resolution=v-r2"), "{\"score\":1}");
            assertThat(forged.statusCode()).isEqualTo(403);

            // Routing reopens the complaint and escalates it a level, recording the verdict.
            ComplaintState reopened = await().atMost(WAIT).until(() -> last(read(stack, topics.complaintsState(), id)),
                    s -> s != null && s.getStatus() == ComplaintStatus.REOPENED);
            assertThat(reopened).extracting(ComplaintState::getLevel, ComplaintState::getReopenings, ComplaintState::getVerdictScore,
                    ComplaintState::getVerdictResolutionId).containsExactly(EscalationLevel.TEAM_LEAD, 1, 1, "v-r1");

            // One verdict on the topics, classified once, no complaint of its own, no message for it.
            List<FeedbackReceived> verdicts = read(stack, topics.feedbackReceived(), id).stream().filter(f -> f.getVerdict() != null).toList();
            assertThat(verdicts).singleElement().satisfies(v -> assertThat(v.getEventId()).isEqualTo(reopened.getVerdictFeedbackId()));
            assertThat(read(stack, topics.feedbackClassified(), id)).extracting(FeedbackClassified::getFeedback)
                    .filteredOn(f -> f.getVerdict() != null).hasSize(1);
            assertThat(read(stack, topics.complaintsEscalated(), id)).hasSize(1);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> smtp.getReceivedMessages().length == 2);
            assertThat(read(stack, topics.complaintsState(), id)).filteredOn(s -> s.getVerdictScore() != null).hasSize(1);
        } finally {
            smtp.stop();
        }
    }

    /** The signed verdict link in a resolution e-mail's text. */
    static String verdictLink(String mail) {
        Matcher found = LINK.matcher(mail);
        assertThat(found.find()).as(mail).isTrue();
        return found.group();
    }

    static HttpResponse<String> post(HttpClient http, String link, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(link)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
