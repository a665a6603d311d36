package dev.heed.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.DeliveryOutcome;
import dev.heed.events.ResponseDue;
import dev.heed.events.ResponseKind;
import dev.heed.events.ResponseSent;
import dev.heed.localstack.Ports;
import dev.heed.responder.console.HeadlessChromium;
import dev.heed.schemas.registry.HttpSchemaRegistryClient;
import dev.heed.schemas.topics.HeedTopics;
import dev.heed.schemas.topics.Topic;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole pipeline as the README starts it: {@code ./heed up} (Kafka, registry, three services as their own
 * processes), feedback of each kind through the ingest API, every customer answered by e-mail to a real SMTP
 * server, complaints escalated and reminded, one acknowledged through the responder's API and one with the
 * operator console's button in headless Chromium, no reminder after either;
 * then {@code ./heed down}, {@code ./heed up} again, and the complaint's state is still there.
 */
class LocalRunEndToEndIT {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Duration UP_WITHIN = Duration.ofMinutes(5);

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> env = new HashMap<>();
    private GreenMail smtp;
    private Process up;
    private Path upLog;

    @BeforeEach
    void ports() {
        smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        env.put("HEED_SKIP_BUILD", "1");
        env.put("HEED_LOCAL_DATA_DIR", dataDir.toString());
        for (String port : List.of("KAFKA", "CONTROLLER", "REGISTRY", "INGEST", "ROUTING", "RESPONDER")) {
            env.put("HEED_LOCAL_" + port + "_PORT", Integer.toString(Ports.free()));
        }
        env.put("HEED_SMTP_HOST", "127.0.0.1");
        env.put("HEED_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (up != null && up.isAlive()) {
            heed("down").waitFor();
            up.destroyForcibly();
        }
        smtp.stop();
    }

    @Test
    void everyCustomerIsAnsweredAComplaintIsRemindedUntilAcknowledgedAndItsStateSurvivesARestart() throws Exception {
        LocalRunConfig config = LocalRunConfig.from(REPOSITORY, env);
        startUp();

        assertThat(postFeedback(config, "e2e-praise", "WEB", 5, "Lovely staff and a fast delivery, thank you!")).isEqualTo(202);
        assertThat(postFeedback(config, "e2e-idea", "SURVEY", null, "It would be great if the app had a dark mode.")).isEqualTo(202);
        assertThat(postFeedback(config, "e2e-complaint", "EMAIL", 1,
                "I was charged twice for my order and nobody answers the phone. I want a refund.")).isEqualTo(202);
        assertThat(postFeedback(config, "e2e-console", "WEB", 1,
                "My parcel is three weeks late and the tracking has not moved since Monday.")).isEqualTo(202);

        Set<String> ids = Set.of("e2e-praise", "e2e-idea", "e2e-complaint");
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(sentReplies(config)).containsAll(ids));
        assertThat(smtp.getReceivedMessages()).hasSizeGreaterThanOrEqualTo(3);
        await().atMost(Duration.ofMinutes(1)).until(() -> reminders(config, "e2e-complaint") >= 2);

        // `heed ack` finds the responder and the demo agent's token in the run's endpoints file.
        Process ack = heed("ack", "e2e-complaint", "--note", "on it");
        assertThat(ack.waitFor()).as(Files.readString(dataDir.resolve("ack.log"))).isZero();
        assertThat(Files.readString(dataDir.resolve("ack.log"))).contains("acknowledged e2e-complaint as demo-agent");
        await().atMost(Duration.ofMinutes(1)).until(() -> stateOf(config, "e2e-complaint") == ComplaintStatus.ACKNOWLEDGED);
        acknowledgeInTheConsole(config, "e2e-console");
        await().atMost(Duration.ofMinutes(1)).until(() -> stateOf(config, "e2e-console") == ComplaintStatus.ACKNOWLEDGED);
        long remindedBeforeAck = reminders(config, "e2e-complaint");
        long consoleRemindedBeforeAck = reminders(config, "e2e-console");
        assertThat(consoleRemindedBeforeAck).isPositive();
        // At 1/600 the policies repeat every few seconds: 15 s of silence is several missed repeats.
        await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(30))
                .until(() -> reminders(config, "e2e-complaint") == remindedBeforeAck
                        && reminders(config, "e2e-console") == consoleRemindedBeforeAck);

        Process down = heed("down");
        assertThat(down.waitFor()).as(() -> readQuietly(dataDir.resolve("down.log"))).isZero();
        // The JVM ends a SIGTERM'd run with 143 once its shutdown hook has stopped every child.
        assertThat(up.waitFor()).isIn(0, 143);
        startUp();

        assertTheServicesListenOnLoopbackOnly(config);
        HttpResponse<String> state = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + config.routingPort() + "/v1/complaints/e2e-complaint"))
                .header("Authorization", "Bearer " + ServiceCatalog.DEMO_AGENT_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(state.body()).contains("\"status\":\"ACKNOWLEDGED\"");
        // Read back through a broker that has just restarted: awaited like every other read of the topics.
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(sentReplies(config)).containsAll(ids));
    }

    /** Signs in to the operator console as the demo agent and clicks the complaint's Acknowledge button. */
    private void acknowledgeInTheConsole(LocalRunConfig config, String id) throws Exception {
        By row = By.cssSelector("#open-rows tr[data-complaint-id='" + id + "']");
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            WebDriver browser = chromium.browser();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get("http://127.0.0.1:" + config.responderPort() + "/console/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(ServiceCatalog.DEMO_AGENT_TOKEN);
            browser.findElement(By.cssSelector("#signin button")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(row));
            chromium.click(By.cssSelector("button.ack[data-complaint-id='" + id + "']"), Duration.ofSeconds(60));
            // Owned now, it stays on the list as acknowledged, without its button.
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#open-rows tr[data-complaint-id='" + id + "'][data-status='ACKNOWLEDGED']")));
            chromium.screenshot("target/e2e-console-screenshot.png");
        }
    }

    private void startUp() throws IOException {
        upLog = dataDir.resolve("up-" + Instant.now().toEpochMilli() + ".log");
        up = heed("up", "--time-scale", "600");
        await().atMost(UP_WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!up.isAlive()) {
                throw new AssertionError("heed up exited " + up.exitValue() + ":\n" + Files.readString(upLog));
            }
            return Files.readString(upLog).contains("Heed is up");
        });
    }

    /** A command's log for a failure's description: what it printed is the first thing to read when it fails. */
    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private Process heed(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", REPOSITORY.resolve("heed").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPOSITORY.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Path log = args[0].equals("up") ? upLog : dataDir.resolve(args[0] + ".log");
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return builder.start();
    }

    private int postFeedback(LocalRunConfig config, String id, String channel, Integer rating, String text) throws Exception {
        String body = "{\"eventId\":\"" + id + "\",\"channel\":\"" + channel + "\",\"text\":\"" + text + "\","
                + (rating == null ? "" : "\"rating\":" + rating + ",")
                + "\"occurredAt\":\"" + Instant.now() + "\",\"customer\":{\"displayName\":\"E2E\",\"email\":\"" + id + "@example.com\"}}";
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + config.ingestPort() + "/v1/feedback"))
                        .header("Authorization", "Bearer " + ServiceCatalog.DEMO_API_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** The README calls them loopback ports: on this machine's other address nothing answers. */
    private static void assertTheServicesListenOnLoopbackOnly(LocalRunConfig config) throws Exception {
        String elsewhere = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && a instanceof java.net.Inet4Address)
                .map(java.net.InetAddress::getHostAddress).findFirst().orElse(null);
        if (elsewhere == null) {
            return;
        }
        for (int port : List.of(config.ingestPort(), config.routingPort(), config.responderPort())) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(elsewhere, port), 2000);
                throw new AssertionError("port " + port + " answers on " + elsewhere);
            } catch (java.net.ConnectException expected) {
                // refused: nothing listens there
            }
        }
    }

    private Set<String> sentReplies(LocalRunConfig config) {
        return readAll(config, topics(config).responsesSent()).stream()
                .filter(r -> r.getKind() == ResponseKind.CUSTOMER_REPLY && r.getOutcome() == DeliveryOutcome.SENT)
                .map(ResponseSent::getFeedbackId)
                .collect(Collectors.toSet());
    }

    private long reminders(LocalRunConfig config, String id) {
        return readAll(config, topics(config).responseDue()).stream().map(ResponseDue::getComplaintId).filter(id::equals).count();
    }

    private ComplaintStatus stateOf(LocalRunConfig config, String id) {
        return readAll(config, topics(config).complaintsState()).stream()
                .filter(s -> s.getComplaintId().equals(id))
                .reduce((first, second) -> second)
                .map(ComplaintState::getStatus)
                .orElse(null);
    }

    private static HeedTopics topics(LocalRunConfig config) {
        return HeedTopics.create(new HttpSchemaRegistryClient(config.registryUrl()), false, HeedTopics.DEFAULT_PARTITIONS);
    }

    private static <V> List<V> readAll(LocalRunConfig config, Topic<String, V> topic) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<V> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            // The consumer's own default (60 s), not less: right after a start on a loaded machine the first metadata
            // answer took longer than 10 s (a flake-loop run failed on exactly that).
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(20);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
