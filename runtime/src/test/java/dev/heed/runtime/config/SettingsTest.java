package dev.heed.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private static final Setting<String> NAME = Setting.string("HEED_NAME", "fallback", "a name");
    private static final Setting<Integer> COUNT = Setting.integer("HEED_COUNT", 7, "a count").check(n -> n >= 1, "at least 1");
    private static final Setting<Boolean> SWITCH = Setting.bool("HEED_SWITCH", true, "a switch");
    private static final Setting<Duration> WAIT = Setting.duration("HEED_WAIT", Duration.ofSeconds(30), "a wait")
            .formerly("HEED_WAIT_MS", Setting.millis());
    private static final Setting<String> SECRET = Setting.required("HEED_SECRET", "a password").secret();
    private static final Setting<Integer> PORT = Setting.optionalInteger("HEED_PORT", "(unset)", "a port");

    @Test
    void blankCountsAsUnsetAndValuesAreTrimmed() {
        Settings settings = new Settings(Map.of("HEED_NAME", "  ", "HEED_COUNT", " 42 "));

        assertThat(settings.get(NAME)).isEqualTo("fallback");
        assertThat(settings.find(NAME)).isEmpty();
        assertThat(settings.get(COUNT)).isEqualTo(42);
        assertThat(settings.get(PORT)).isNull();
        assertThat(settings.find(PORT)).isEmpty();
    }

    @Test
    void aRequiredSettingThatIsMissingNamesItself() {
        assertThatThrownBy(() -> new Settings(Map.of()).get(SECRET))
                .isInstanceOf(SettingsException.class).hasMessage("HEED_SECRET is required");
    }

    @Test
    void aValueThatDoesNotParseOrPassItsCheckNamesTheVariableTheValueAndWhatWasExpected() {
        assertThatThrownBy(() -> new Settings(Map.of("HEED_COUNT", "many")).get(COUNT))
                .isInstanceOf(SettingsException.class).hasMessage("HEED_COUNT=many is not an integer");
        assertThatThrownBy(() -> new Settings(Map.of("HEED_COUNT", "0")).get(COUNT)).hasMessage("HEED_COUNT=0 is not at least 1");
        // A misspelt switch is an error, never a silent false.
        assertThatThrownBy(() -> new Settings(Map.of("HEED_SWITCH", "ture")).get(SWITCH)).hasMessage("HEED_SWITCH=ture is not true or false");
        assertThatThrownBy(() -> new Settings(Map.of("HEED_WAIT", "soon")).get(WAIT))
                .hasMessage("HEED_WAIT=soon is not " + Durations.EXPECTED);
    }

    @Test
    void aSecretValueStaysOutOfTheError() {
        Setting<Integer> pin = Setting.integer("HEED_PIN", 0, "a pin").secret();
        assertThatThrownBy(() -> new Settings(Map.of("HEED_PIN", "hunter2")).get(pin))
                .hasMessage("HEED_PIN=(secret) is not an integer").hasMessageNotContaining("hunter2");
    }

    @Test
    void booleansTakeTrueFalseYesNoAndOneZero() {
        assertThat(new Settings(Map.of("HEED_SWITCH", "NO")).get(SWITCH)).isFalse();
        assertThat(new Settings(Map.of("HEED_SWITCH", "1")).get(SWITCH)).isTrue();
        assertThat(new Settings(Map.of("HEED_SWITCH", "false")).get(SWITCH)).isFalse();
    }

    @Test
    void durationsTakeTheOneSyntaxAndABareNumberIsSecondsWithAWarning() {
        assertThat(new Settings(Map.of("HEED_WAIT", "1500ms")).get(WAIT)).isEqualTo(Duration.ofMillis(1500));
        assertThat(new Settings(Map.of("HEED_WAIT", "PT2M")).get(WAIT)).isEqualTo(Duration.ofMinutes(2));

        Settings bare = new Settings(Map.of("HEED_WAIT", "45"));
        assertThat(bare.get(WAIT)).isEqualTo(Duration.ofSeconds(45));
        assertThat(bare.warnings()).containsExactly(
                "HEED_WAIT=45 is read as 45 seconds; write 45s (a bare number will be refused in the next release)");
    }

    @Test
    void aFormerNameIsReadWithItsOwnParserAndAWarningOnlyWhileTheCurrentNameIsUnset() {
        Settings former = new Settings(Map.of("HEED_WAIT_MS", "250"));
        assertThat(former.get(WAIT)).isEqualTo(Duration.ofMillis(250));
        assertThat(former.find(WAIT)).contains(Duration.ofMillis(250));
        assertThat(former.warnings()).singleElement().asString().startsWith("HEED_WAIT_MS is deprecated: use HEED_WAIT");

        Settings both = new Settings(Map.of("HEED_WAIT_MS", "250", "HEED_WAIT", "2s"));
        assertThat(both.get(WAIT)).isEqualTo(Duration.ofSeconds(2));
        assertThat(both.warnings()).singleElement().asString().startsWith("HEED_WAIT_MS is ignored: HEED_WAIT is set");

        assertThatThrownBy(() -> new Settings(Map.of("HEED_WAIT_MS", "2s")).get(WAIT)).hasMessageStartingWith("HEED_WAIT_MS=2s is not");
    }

    @Test
    void kafkaSettingsPassThroughByPrefixAndFamiliesAreFoundByPattern() {
        Settings settings = new Settings(Map.of("HEED_KAFKA_SECURITY_PROTOCOL", "SSL", "HEED_KAFKA_SASL_MECHANISM", " SCRAM-SHA-512 ",
                "HEED_KAFKA_", "x", "HEED_SOURCE_WEB_PREFER", "webhook", "HEED_SOURCE_WEB_COLOUR", "red"));

        assertThat(settings.kafkaPassthrough()).containsOnly(Map.entry("security.protocol", "SSL"),
                Map.entry("sasl.mechanism", "SCRAM-SHA-512"));
        PatternSetting sources = PatternSetting.of("HEED_SOURCE_<SRC>_PREFER", "HEED_SOURCE_(.+)_(PREFER)", "", "");
        assertThat(settings.matching(sources)).containsOnlyKeys("HEED_SOURCE_WEB_PREFER");
    }

    @Test
    void aNameOutsideTheConventionIsRefusedWhenDeclared() {
        assertThatThrownBy(() -> Setting.string("kafka.servers", "", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
