package dev.heed.routing.app;

import static dev.heed.runtime.catalog.RoutingSettings.*;

import dev.heed.routing.sla.PolicyBook;
import dev.heed.routing.sla.PolicyBookFormat;
import dev.heed.routing.topology.ClockSettings;
import dev.heed.runtime.auth.TokenStore;
import dev.heed.runtime.catalog.CommonSettings;
import dev.heed.runtime.config.Settings;
import dev.heed.runtime.config.SettingsException;
import dev.heed.runtime.kafka.KafkaSettings;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The routing-service configuration, as {@link dev.heed.runtime.catalog.RoutingSettings} declares it (names,
 * defaults, meanings; docs/configuration.md is generated from there) and {@link Settings} reads it.
 */
public record RoutingConfig(KafkaSettings kafka, String applicationId, String httpHost, int httpPort, OptionalInt opsPort,
                            TokenStore queryTokens, String advertisedHost, int standbyReplicas, int streamThreads,
                            String stateDir, ClockSettings clockSettings, PolicyBook policies) {

    public RoutingConfig {
        if (opsPort.isPresent() && opsPort.getAsInt() == httpPort && httpPort != 0) {
            throw new SettingsException(OPS_PORT.name() + "=" + httpPort + " is " + HTTP_PORT.name()
                    + " too: leave it unset to serve health and metrics on that port");
        }
    }

    public static RoutingConfig from(Map<String, String> env) {
        return from(new Settings(env));
    }

    public static RoutingConfig from(Settings settings) {
        return new RoutingConfig(
                KafkaSettings.from(settings),
                settings.get(APPLICATION_ID),
                settings.get(HTTP_HOST),
                settings.get(HTTP_PORT),
                settings.find(OPS_PORT).map(OptionalInt::of).orElse(OptionalInt.empty()),
                // The acknowledge API's tokens: whoever may acknowledge a complaint may see its state.
                TokenStore.parse(settings.find(CommonSettings.ACK_TOKENS).orElse("")),
                settings.get(ADVERTISED_HOST),
                settings.get(STANDBY_REPLICAS),
                settings.get(STREAM_THREADS),
                settings.get(STATE_DIR),
                new ClockSettings(settings.get(PUNCTUATE_INTERVAL), settings.get(DEDUPE_RETENTION), settings.get(EARLY_ACK_RETENTION)),
                PolicyBookFormat.configured(settings));
    }
}
