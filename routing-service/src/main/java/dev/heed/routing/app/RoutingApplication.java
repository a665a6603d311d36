package dev.heed.routing.app;

import dev.heed.routing.classify.FeedbackClassifier;
import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point: reads the configuration from the environment, starts the service, and closes it on SIGTERM
 * (the JVM's shutdown hook) so Streams commits its last transaction and leaves the group cleanly.
 */
public final class RoutingApplication {

    private RoutingApplication() {
    }

    public static void main(String[] args) throws InterruptedException {
        RoutingConfig config = RoutingConfig.from(System.getenv());
        RoutingService service = RoutingService.start(config, FeedbackClassifier.loadDefault(), InstantSource.system());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "routing-shutdown"));
        stopped.await();
    }
}
