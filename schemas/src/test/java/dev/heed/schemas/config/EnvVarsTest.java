package dev.heed.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvVarsTest {

    @Test
    void blankCountsAsUnsetAndValuesAreTrimmed() {
        EnvVars vars = new EnvVars(Map.of("HEED_A", "  ", "HEED_B", " value "));

        assertThat(vars.string("HEED_A", "fallback")).isEqualTo("fallback");
        assertThat(vars.optional("HEED_A")).isEmpty();
        assertThat(vars.string("HEED_B", "fallback")).isEqualTo("value");
        assertThat(vars.integer("HEED_MISSING", 7)).isEqualTo(7);
    }

    @Test
    void aRequiredVariableThatIsMissingNamesItself() {
        assertThatThrownBy(() -> new EnvVars(Map.of()).required("HEED_BOOTSTRAP_SERVERS"))
                .hasMessage("HEED_BOOTSTRAP_SERVERS is required");
    }

    @Test
    void typedValuesParse() {
        EnvVars vars = new EnvVars(Map.of("HEED_N", "42", "HEED_D", "2.5", "HEED_T", "YES", "HEED_F", "false",
                "HEED_MS", "1500", "HEED_ISO", "PT2M", "HEED_SECONDS", "30"));

        assertThat(vars.integer("HEED_N", 0)).isEqualTo(42);
        assertThat(vars.decimal("HEED_D", 0)).isEqualTo(2.5);
        assertThat(vars.bool("HEED_T", false)).isTrue();
        assertThat(vars.bool("HEED_F", true)).isFalse();
        assertThat(vars.millis("HEED_MS", Duration.ZERO)).isEqualTo(Duration.ofMillis(1500));
        assertThat(vars.duration("HEED_ISO", Duration.ZERO)).isEqualTo(Duration.ofMinutes(2));
        assertThat(vars.duration("HEED_SECONDS", Duration.ZERO)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aValueThatDoesNotParseFailsNamingTheVariableTheValueAndWhatWasExpected() {
        EnvVars vars = new EnvVars(Map.of("HEED_CREATE_TOPICS", "ture", "HEED_PORT", "80a", "HEED_WAIT_MS", "5s"));

        assertThatThrownBy(() -> vars.bool("HEED_CREATE_TOPICS", true))
                .hasMessage("HEED_CREATE_TOPICS=ture is not true or false");
        assertThatThrownBy(() -> vars.integer("HEED_PORT", 8080)).hasMessage("HEED_PORT=80a is not an integer");
        assertThatThrownBy(() -> vars.millis("HEED_WAIT_MS", Duration.ZERO))
                .hasMessage("HEED_WAIT_MS=5s is not a whole number of milliseconds");
    }

    @Test
    void kafkaSettingsPassThroughFromTheirPrefix() {
        EnvVars vars = new EnvVars(Map.of("HEED_KAFKA_SECURITY_PROTOCOL", "SSL", "HEED_KAFKA_SSL_TRUSTSTORE_LOCATION", "/t.p12",
                "HEED_KAFKA_", "ignored", "HEED_OTHER", "x"));

        assertThat(vars.kafkaPassthrough())
                .containsExactlyInAnyOrderEntriesOf(Map.of("security.protocol", "SSL", "ssl.truststore.location", "/t.p12"));
    }
}
