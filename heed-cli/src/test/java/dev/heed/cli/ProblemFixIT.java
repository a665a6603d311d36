package dev.heed.cli;

import static dev.heed.cli.ComplaintLifeIT.awaitReady;
import static dev.heed.cli.ComplaintLifeIT.feedback;
import static dev.heed.cli.ComplaintLifeIT.last;
import static dev.heed.cli.ComplaintLifeIT.read;
import static dev.heed.cli.ComplaintLifeIT.send;
import static dev.heed.cli.ComplaintLifeIT.topics;
import static dev.heed.cli.ComplaintLifeIT.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.ResponseSent;
import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Ports;
import dev.heed.localstack.Stack;
import dev.heed.responder.ResponderApplication;
import dev.heed.routing.app.RoutingConfig;
import dev.heed.routing.app.RoutingService;
import dev.heed.routing.classify.FeedbackClassifier;
import dev.heed.runtime.auth.TokenStore;
import dev.heed.schemas.topics.HeedTopics;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A known problem through routing and the responder on a real broker and registry, with a real SMTP server, driven by
 * {@code heed problem} as an agent would: two open complaints and one an agent resolved already are linked (the resolved
 * one refused), the problem is resolved (and the resolution sent again, as a retry and as a second one), routing is
 * restarted on its state, and a complaint linked after that gets the fix at once. Each customer whose complaint was open
 * gets exactly one resolution message; the customer resolved before gets none from the problem.
 */
@ExtendWith(LocalStackExtension.class)
class ProblemFixIT {
    private static final String TOKEN = "problem-agent-token";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String FIX = "The payment provider charged some orders twice; every double charge is refunded.";

    @Test
    void resolvingAProblemTellsEachLinkedCustomerWhoseComplaintIsOpenExactlyOnce(Stack stack) throws Exception {
        String suffix = "." + stack.uniqueName("problem");
        HeedTopics topics = topics(stack, suffix);
        String problem = stack.uniqueName("PRB");
        List<String> ids = List.of(stack.uniqueName("ada"), stack.uniqueName("bo"), stack.uniqueName("cy"), stack.uniqueName("di"));
        String ada = ids.get(0);
        String bo = ids.get(1);
        String cy = ids.get(2);
        String di = ids.get(3);
        GreenMail smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, String> common = Map.of("HEED_BOOTSTRAP_SERVERS", stack.bootstrapServers(), "HEED_REGISTRY_URL", stack.registryUrl(),
                "HEED_TOPIC_SUFFIX", suffix, "HEED_TOPIC_PARTITIONS", "3", "HEED_KAFKA_METADATA_MAX_AGE_MS", "1000",
                "HEED_ACK_TOKENS", "agent:grace:" + TokenStore.hash(TOKEN));
        Map<String, String> routingEnv = with(common, Map.of("HEED_ROUTING_APPLICATION_ID", stack.uniqueName("routing"),
                "HEED_ROUTING_HTTP_PORT", "0", "HEED_ROUTING_STATE_DIR", stack.tempStateDir().toString(),
                "HEED_ROUTING_PUNCTUATE_INTERVAL", "100ms"));
        try (ResponderApplication responder = ComplaintLifeIT.responder(stack, common, smtp)) {
            String responderUrl = "http://127.0.0.1:" + responder.port();
            Map<String, String> cli = Map.of("HEED_RESPONDER_URL", responderUrl, "HEED_ACK_TOKEN", TOKEN);
            awaitReady(responderUrl);
            try (RoutingService routing = routing(routingEnv)) {
                for (String id : ids) {
                    send(stack, topics.feedbackReceived(), id, feedback(id, id + "@example.com"));
                }
                await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> read(stack, topics.complaintsEscalated(), id).size() == 1));
                await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length == 4);

                // Cy's complaint is resolved by an agent first: linking it is refused, and the problem's fix passes it by.
                assertThat(run(cli, "resolve", cy, "--message", "Refunded by hand.").status()).isZero();
                await().atMost(WAIT).until(() -> status(stack, topics, cy) == ComplaintStatus.RESOLVED);
                await().atMost(WAIT).until(() -> resolvedMails(smtp, cy) == 1);
                // Bo's is acknowledged; Ada's is not: the fix acknowledges it.
                assertThat(run(cli, "ack", bo).status()).isZero();

                assertThat(run(cli, "problem", "link", problem, ada, "--event-id", "link-ada").status()).isZero();
                assertThat(run(cli, "problem", "link", problem, bo).status()).isZero();
                CliRun refused = run(cli, "problem", "link", problem, cy);
                assertThat(refused.status()).isEqualTo(1);
                assertThat(refused.err()).contains("409");
                List<String> resolve = List.of("problem", "resolve", problem, "--message", FIX, "--event-id", "fix-1");
                assertThat(CliRun.of(resolve, cli).status()).isZero();
                assertThat(CliRun.of(resolve, cli).status()).as("a retry is written again").isZero();
                assertThat(run(cli, "problem", "resolve", problem, "--message", "Second words.").status()).isZero();

                await().atMost(WAIT).until(() -> status(stack, topics, ada) == ComplaintStatus.RESOLVED
                        && status(stack, topics, bo) == ComplaintStatus.RESOLVED);
                await().atMost(WAIT).until(() -> resolvedMails(smtp, ada) == 1 && resolvedMails(smtp, bo) == 1);
            }

            // Routing again, on the same state: the retried resolution stays quiet, a late link gets the fix at once.
            try (RoutingService again = routing(routingEnv)) {
                assertThat(run(cli, "problem", "resolve", problem, "--message", FIX, "--event-id", "fix-1").status()).isZero();
                assertThat(run(cli, "problem", "link", problem, di).status()).isZero();
                assertThat(run(cli, "problem", "link", problem, ada, "--event-id", "link-ada").status())
                        .as("Ada's complaint is resolved now: refused").isEqualTo(1);
                await().atMost(WAIT).until(() -> status(stack, topics, di) == ComplaintStatus.RESOLVED);
                await().atMost(WAIT).until(() -> resolvedMails(smtp, di) == 1);
                await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).until(() -> smtp.getReceivedMessages().length == 8);
            }

            for (String id : List.of(ada, bo, di)) {
                assertThat(read(stack, topics.complaintsUpdated(), id)).as(id).singleElement().satisfies(update -> {
                    assertThat(update.getUpdateId()).isEqualTo("fix:" + problem + ":" + id);
                    assertThat(update.getMessage()).isEqualTo(FIX);
                });
                assertThat(resolvedMail(smtp, id).getContent().toString()).contains(FIX);
            }
            assertThat(read(stack, topics.complaintsUpdated(), cy)).extracting(ComplaintUpdated::getMessage).containsExactly("Refunded by hand.");
            assertThat(resolvedMail(smtp, cy).getContent().toString()).doesNotContain(FIX);
            assertThat(read(stack, topics.problemsFixes(), cy)).as("never linked").isEmpty();
            assertThat(last(read(stack, topics.complaintsState(), ada)).getAcknowledgedBy()).isEqualTo("grace");
            for (String id : ids) {
                assertThat(read(stack, topics.responsesSent(), id)).extracting(ResponseSent::getMessageId).doesNotHaveDuplicates();
            }
        } finally {
            smtp.stop();
        }
    }

    private static RoutingService routing(Map<String, String> env) throws Exception {
        return RoutingService.start(RoutingConfig.from(env), FeedbackClassifier.loadDefault(), InstantSource.system());
    }

    private static CliRun run(Map<String, String> cli, String... argv) {
        return CliRun.of(List.of(argv), cli);
    }

    private static ComplaintStatus status(Stack stack, HeedTopics topics, String id) {
        ComplaintState state = last(read(stack, topics.complaintsState(), id));
        return state == null ? null : state.getStatus();
    }

    private static long resolvedMails(GreenMail smtp, String id) throws Exception {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m, id) && template(m).startsWith("complaint-resolved/")).count();
    }

    private static MimeMessage resolvedMail(GreenMail smtp, String id) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m, id) && template(m).startsWith("complaint-resolved/"))
                .findFirst().orElseThrow();
    }

    private static boolean to(MimeMessage mail, String id) {
        try {
            return Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(id + "@example.com"));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String template(MimeMessage mail) {
        try {
            return mail.getHeader("X-Heed-Template")[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
