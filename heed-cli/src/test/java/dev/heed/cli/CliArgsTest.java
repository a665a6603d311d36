package dev.heed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliArgsTest {

    @Test
    void shouldSplitPositionalsValuedOptionsAndSwitches() {
        CliArgs args = CliArgs.parse(List.of("complaints.state", "--max", "3", "--id=fb-1", "--from-beginning"),
                Set.of("max", "id"), Set.of("from-beginning"));

        assertThat(args.positionals()).containsExactly("complaints.state");
        assertThat(args.option("max")).contains("3");
        assertThat(args.option("id")).contains("fb-1");
        assertThat(args.flag("from-beginning")).isTrue();
        assertThat(args.flag("other")).isFalse();
    }

    @Test
    void shouldRefuseUnknownOptionsAndMissingValues() {
        assertThatThrownBy(() -> CliArgs.parse(List.of("--colour", "red"), Set.of("max"), Set.of()))
                .isInstanceOf(UsageException.class).hasMessage("unknown option --colour");
        assertThatThrownBy(() -> CliArgs.parse(List.of("--max"), Set.of("max"), Set.of()))
                .isInstanceOf(UsageException.class).hasMessage("--max needs a value");
    }

    /** A `heed up --secure` run's file carries the operator user's settings; they go with its address only. */
    @Test
    void theLocalRunFilesKafkaSettingsComeWithItsAddressOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("endpoints.properties");
        Files.writeString(file, "bootstrap.servers=file:1\nregistry.url=http://file\nkafka.security.protocol=SASL_SSL\n");
        Set<String> valued = Set.of("bootstrap", "registry");

        var local = Endpoints.resolve(CliArgs.parse(List.of(), valued, Set.of()), Map.of(), file);
        var elsewhere = Endpoints.resolve(CliArgs.parse(List.of("--bootstrap", "other:1"), valued, Set.of()), Map.of(), file);

        assertThat(local.kafka()).containsExactly(Map.entry("security.protocol", "SASL_SSL"));
        assertThat(elsewhere.kafka()).isEmpty();
    }

    @Test
    void endpointsShouldPreferFlagsThenEnvironmentThenTheLocalRunFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("endpoints.properties");
        Files.writeString(file, "bootstrap.servers=file:1\nregistry.url=http://file\n");
        Set<String> valued = Set.of("bootstrap", "registry");

        var fromFile = Endpoints.resolve(CliArgs.parse(List.of(), valued, Set.of()), Map.of(), file);
        var fromEnv = Endpoints.resolve(CliArgs.parse(List.of(), valued, Set.of()), Map.of("HEED_BOOTSTRAP_SERVERS", "env:1"), file);
        var fromFlag = Endpoints.resolve(CliArgs.parse(List.of("--bootstrap", "flag:1"), valued, Set.of()),
                Map.of("HEED_BOOTSTRAP_SERVERS", "env:1"), file);

        assertThat(fromFile).isEqualTo(new Endpoints("file:1", "http://file"));
        assertThat(fromEnv.bootstrapServers()).isEqualTo("env:1");
        assertThat(fromFlag.bootstrapServers()).isEqualTo("flag:1");
    }

    @Test
    void endpointsShouldSayHowToGiveThemWhenNoneAreKnown(@TempDir Path dir) {
        assertThatThrownBy(() -> Endpoints.resolve(CliArgs.parse(List.of(), Set.of("bootstrap"), Set.of()), Map.of(),
                dir.resolve("missing")))
                .isInstanceOf(UsageException.class).hasMessageContaining("--bootstrap");
    }
}
