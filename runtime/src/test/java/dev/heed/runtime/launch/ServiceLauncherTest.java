package dev.heed.runtime.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.runtime.config.Settings;
import dev.heed.runtime.config.SettingsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServiceLauncherTest {
    private static final Settings NONE = new Settings(Map.of());

    /** A service whose failure the test decides, counting its closes. */
    private static final class FakeService implements RunningService {
        final CompletableFuture<Throwable> failure = new CompletableFuture<>();
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public CompletableFuture<Throwable> failure() {
            return failure;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    @Test
    void aSettingThatDoesNotParseExitsWithTwoAndStartsNothing() {
        List<Thread> hooks = new ArrayList<>();
        int status = ServiceLauncher.run("test", NONE, settings -> {
            throw new SettingsException("HEED_X=y is not an integer");
        }, hooks::add);

        assertThat(status).isEqualTo(ServiceLauncher.EXIT_CONFIGURATION);
        assertThat(hooks).isEmpty();
    }

    @Test
    void aFailedStartExitsWithOne() {
        int status = ServiceLauncher.run("test", NONE, settings -> {
            throw new IllegalStateException("cannot list topics");
        }, hook -> { });

        assertThat(status).isEqualTo(ServiceLauncher.EXIT_FAILED);
    }

    @Test
    void aServiceThatStopsWorkingByItselfIsClosedOnceAndExitsWithOne() throws Exception {
        FakeService service = new FakeService();
        List<Thread> hooks = new ArrayList<>();
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> ServiceLauncher.run("test", NONE, s -> service, hooks::add));

        service.failure.complete(new IllegalStateException("consumer loop died"));

        assertThat(status.get()).isEqualTo(ServiceLauncher.EXIT_FAILED);
        assertThat(service.closes).hasValue(1);
        // The JVM still runs the shutdown hook on System.exit: it must not close the service a second time.
        hooks.get(0).run();
        assertThat(service.closes).hasValue(1);
    }

    @Test
    void theShutdownHookClosesTheServiceAndTheRunEndsWithZero() throws Exception {
        FakeService service = new FakeService();
        List<Thread> hooks = new ArrayList<>();
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> ServiceLauncher.run("test", NONE, s -> service, hooks::add));
        org.awaitility.Awaitility.await().until(() -> !hooks.isEmpty());

        hooks.get(0).run();

        assertThat(status.get()).isEqualTo(ServiceLauncher.EXIT_STOPPED);
        assertThat(service.closes).hasValue(1);
    }
}
