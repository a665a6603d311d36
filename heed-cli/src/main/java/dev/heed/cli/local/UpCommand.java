package dev.heed.cli.local;

import dev.heed.runtime.catalog.KafkaAccess;
import dev.heed.runtime.config.Settings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code heed up [--demo] [--time-scale N] [--secure]}: starts the local run in the foreground and keeps it until Ctrl-C or
 * {@code heed down}. A second {@code up} finds the first one's data.
 */
public final class UpCommand {
    private final LocalRunConfig config;
    private final String classPath;
    private final boolean demo;
    private final boolean secure;

    public UpCommand(LocalRunConfig config, String classPath, boolean demo) {
        this(config, classPath, demo, false);
    }

    /** @param secure SASL_SSL, SCRAM users and ACLs on the local broker (see {@link SecureRun}) */
    public UpCommand(LocalRunConfig config, String classPath, boolean demo, boolean secure) {
        this.config = config;
        this.classPath = classPath;
        this.demo = demo;
        this.secure = secure;
    }

    public int run(PrintStream out) throws IOException, InterruptedException {
        Path pidFile = config.dataDir().resolve("up.pid");
        var running = RunningUp.find(pidFile);
        if (running.isPresent()) {
            throw new LocalRunException("Heed is already up (pid " + running.get().pid() + "): ./heed down first");
        }
        out.println("heed: starting the local run (Kafka, schema registry, three services) ...");
        LocalRun run = new LocalRun(config, out, secure
                ? SecureRun.prepare(config.dataDir().resolve("secure"), KafkaAccess.from(new Settings(System.getenv()))) : null);
        run.start(classPath, ServiceCatalog.services(config, System.getenv()));
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        CountDownLatch stopped = new CountDownLatch(1);
        DemoTraffic traffic = new DemoTraffic(config, out, java.time.Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("heed: stopping ...");
            traffic.close();
            run.close();
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // the next up checks whether the pid is alive, so a stale file does no harm
            }
            System.out.println("heed: stopped.");
            stopped.countDown();
        }, "heed-down"));
        printWhere(out);
        if (demo) {
            out.printf("heed: demo traffic on: a feedback every 3 s, a third of complaints acknowledged; SLA times run %dx faster%n",
                    config.timeScale());
            traffic.start(java.time.Duration.ofSeconds(3));
        }
        stopped.await();
        return 0;
    }

    private void printWhere(PrintStream out) {
        out.printf("""

                Heed is up. Ctrl-C or ./heed down stops it; data stays in %s.
                  ingest API        http://127.0.0.1:%d/v1/feedback   (API key: %s)
                  operator console  http://127.0.0.1:%d/console/   (sign in with: %s)
                  routing service   http://127.0.0.1:%d/v1/complaints/overdue   (bearer token: %s)
                  schema registry   %s
                  Kafka             %s%s
                  logs              %s
                  SLA time scale    1/%d
                """, config.dataDir(), config.ingestPort(), ServiceCatalog.DEMO_API_KEY, config.responderPort(), ServiceCatalog.DEMO_AGENT_TOKEN,
                config.routingPort(), ServiceCatalog.DEMO_AGENT_TOKEN, config.registryUrl(), config.bootstrapServers(),
                secure ? "   (SASL_SSL, SCRAM-SHA-512, ACLs; the CLI connects as heed-operator; admin and TLS in "
                        + config.dataDir().resolve("secure") + ")" : "", config.logs(), config.timeScale());
    }
}
