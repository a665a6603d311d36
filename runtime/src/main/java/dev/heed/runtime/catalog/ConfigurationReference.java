package dev.heed.runtime.catalog;

import dev.heed.runtime.config.Durations;
import dev.heed.runtime.config.PatternSetting;
import dev.heed.runtime.config.Setting;
import dev.heed.runtime.kafka.KafkaSettings;
import java.util.List;
import java.util.stream.Collectors;

/**
 * docs/configuration.md, rendered from the declarations: every variable of every service, its default and meaning,
 * and its former name. A test keeps the file equal to this rendering, so the reference cannot drift from the code.
 */
public final class ConfigurationReference {
    private ConfigurationReference() {}

    public static String render() {
        StringBuilder out = new StringBuilder();
        out.append("""
                # Configuration

                <!-- Generated from the declarations in runtime/src/main/java/dev/heed/runtime/catalog and KafkaSettings.
                     Do not edit: change a declaration, then run
                     ./mvnw -q -pl runtime test -Dtest=ConfigurationReferenceTest -Dheed.docs.write=true -->

                Every service and the CLI read environment variables only, by one set of rules:

                - A blank value counts as unset; values are trimmed.
                - A value that does not parse stops the start with an error naming the variable, the value and what
                  was expected (`HEED_CREATE_TOPICS=ture is not true or false`), never a silent default; the service
                  then exits with status 2 (1 when it fails otherwise, 0 when stopped).
                - Booleans take `true`/`false`, `yes`/`no` or `1`/`0`.
                - Durations take %s. A bare number is still read as seconds, with a warning.
                - A former name is read, with a warning, only when the current name is unset; the next release will
                  not read it.
                - `HEED_KAFKA_*` passes through to every Kafka client: `HEED_KAFKA_SECURITY_PROTOCOL` becomes
                  `security.protocol`. `HEED_BOOTSTRAP_SERVERS` wins over `HEED_KAFKA_BOOTSTRAP_SERVERS` when both are set.

                """.formatted(Durations.EXPECTED.replace("a duration such as ", "")));
        out.append("## Common to every service\n\n");
        table(out, KafkaSettings.DECLARED, List.of());
        out.append(row("`HEED_KAFKA_*`", "", "passed to every Kafka client of the service (security, tuning)", ""));
        out.append(row("`" + CommonSettings.LOG_LEVEL.name() + "`", CommonSettings.LOG_LEVEL.defaultText(),
                CommonSettings.LOG_LEVEL.description(), ""));
        for (ServiceDescriptor service : Services.ALL) {
            out.append("\n## ").append(service.name()).append("\n\n")
                    .append("It ").append(service.summary()).append(". Main class `").append(service.mainClass()).append("`.\n\n");
            table(out, service.settings(), service.patterns());
            if (service == Services.INGEST) {
                out.append(row("`" + IngestSettings.CREATE_TOPICS.name() + "`", IngestSettings.CREATE_TOPICS.defaultText(),
                        "the common switch, also read under ingest's former name", formers(IngestSettings.CREATE_TOPICS)));
            }
        }
        out.append("\n## Local run (`./heed up`) and the CLI\n\n")
                .append("`./heed up` passes each service the variables of its own that are set in its environment (the responder's\n")
                .append("SMTP, source and agent settings, say); the addresses, ports and tokens of the local run win. Keep its ports below\n")
                .append("the kernel's range for outgoing connections (Linux: 32768–60999 by default, `/proc/sys/net/ipv4/ip_local_port_range`):\n")
                .append("on loopback, a readiness check that connects to such a port before its service listens can be given the same port\n")
                .append("as its own source and connect to itself, and the service then cannot bind it. `./heed up` warns about each port\n")
                .append("inside that range.\n\n");
        table(out, LocalRunSettings.DECLARED, List.of());
        return out.toString();
    }

    private static void table(StringBuilder out, List<Setting<?>> settings, List<PatternSetting> patterns) {
        out.append("| variable | default | meaning | formerly |\n|---|---|---|---|\n");
        for (Setting<?> setting : settings) {
            out.append(row("`" + setting.name() + "`", setting.defaultText(), setting.description(), formers(setting)));
        }
        for (PatternSetting pattern : patterns) {
            out.append(row("`" + pattern.display() + "`", pattern.defaultText(), pattern.description(), ""));
        }
    }

    private static String formers(Setting<?> setting) {
        return setting.formers().stream().map(f -> "`" + f.name() + "`").collect(Collectors.joining(", "));
    }

    private static String row(String name, String fallback, String meaning, String formerly) {
        return "| " + cell(name) + " | " + cell(fallback) + " | " + cell(meaning) + " | " + cell(formerly) + " |\n";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
