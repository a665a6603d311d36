package dev.heed.routing.app;

import dev.heed.routing.classify.FeedbackClassifier;
import dev.heed.runtime.catalog.Services;
import dev.heed.runtime.launch.ServiceLauncher;
import java.time.InstantSource;

/**
 * Entry point: reads the configuration from the environment, starts the service, and closes it on SIGTERM
 * (the JVM's shutdown hook) so Streams commits its last transaction and leaves the group cleanly. Exit
 * statuses are {@link ServiceLauncher}'s.
 */
public final class RoutingApplication {

    private RoutingApplication() {
    }

    public static void main(String[] args) {
        ServiceLauncher.launch(Services.ROUTING.name(),
                settings -> RoutingService.start(RoutingConfig.from(settings), FeedbackClassifier.loadDefault(), InstantSource.system()));
    }
}
