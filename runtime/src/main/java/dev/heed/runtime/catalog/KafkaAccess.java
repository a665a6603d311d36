package dev.heed.runtime.catalog;

import dev.heed.runtime.config.Settings;
import dev.heed.runtime.kafka.KafkaSettings;
import dev.heed.schemas.topics.TopicNames;
import dev.heed.schemas.topics.TopicSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.SecurityUtils;

/**
 * What each Heed principal may do on a cluster that authorizes its clients: the one ACL list, derived from the
 * settings the services read ({@code HEED_TOPIC_SUFFIX}, routing's application id, the responder's group id). The
 * secured IT grants exactly these, {@code heed acls} prints them as {@code kafka-acls} commands, docs/security.md
 * is rendered from them, and the routing-service and responder create only the topics listed here for them.
 *
 * <p>Every grant is an allow on a literal name, except routing's Kafka Streams resources: its internal topics and
 * transactional ids ({@code exactly_once_v2}: {@code <application id>-<process id>-<thread>}) are prefixed by the
 * application id. A service may create the topics it reads as well as those it writes, so that the services can
 * start in any order (with {@code HEED_CREATE_TOPICS=false}, Create can be left out). Writing to a topic also lets
 * an idempotent producer start (Kafka 2.8+ implies IdempotentWrite), so no cluster-wide grant is needed.
 */
public final class KafkaAccess {
    /** The user names the docs, the IT and {@code heed acls} use; an operator may pick others. */
    public static final String INGEST_USER = "heed-ingest";
    public static final String ROUTING_USER = "heed-routing";
    public static final String RESPONDER_USER = "heed-responder";
    public static final String OPERATOR_USER = "heed-operator";

    private static final Set<AclOperation> READ = EnumSet.of(AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.READ);
    private static final Set<AclOperation> WRITE = EnumSet.of(AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.WRITE);
    private static final Set<AclOperation> READ_WRITE = EnumSet.of(AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.READ,
            AclOperation.WRITE);
    private static final Set<AclOperation> INSPECT = EnumSet.of(AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS, AclOperation.READ);

    /** One allow rule: these operations on the resources that {@code name} names (literally or as a prefix). */
    public record Grant(ResourceType type, String name, PatternType pattern, Set<AclOperation> operations) {
        public Grant {
            operations = Set.copyOf(EnumSet.copyOf(operations));
        }

        static Grant topic(String name, Set<AclOperation> operations) {
            return new Grant(ResourceType.TOPIC, name, PatternType.LITERAL, operations);
        }

        /** The operations, in Kafka's order and spelling ({@code DescribeConfigs}). */
        public List<String> operationNames() {
            return EnumSet.copyOf(operations).stream().map(SecurityUtils::operationName).toList();
        }

        public List<AclBinding> bindings(String principal) {
            ResourcePattern resource = new ResourcePattern(type, name, pattern);
            return EnumSet.copyOf(operations).stream().map(op -> new AclBinding(resource,
                    new AccessControlEntry("User:" + principal, "*", op, AclPermissionType.ALLOW))).toList();
        }

        /** The {@code kafka-acls} arguments that add this grant for {@code principal}. */
        public String kafkaAclsArguments(String principal) {
            String resource = switch (type) {
                case TOPIC -> "--topic";
                case GROUP -> "--group";
                case TRANSACTIONAL_ID -> "--transactional-id";
                default -> throw new IllegalStateException("no kafka-acls option for " + type);
            };
            String ops = operationNames().stream().map(op -> "--operation " + op).collect(Collectors.joining(" "));
            String pattern = this.pattern == PatternType.PREFIXED ? " --resource-pattern-type prefixed" : "";
            return "--add --allow-principal User:" + principal + " " + ops + " " + resource + " '" + name + "'" + pattern;
        }
    }

    /** One principal's grants: {@code user} is the SCRAM user name the docs and the IT give it. */
    public record Role(String user, String what, List<Grant> grants) {
        public Role {
            grants = List.copyOf(grants);
        }

        public List<AclBinding> bindings() {
            return grants.stream().flatMap(g -> g.bindings(user).stream()).toList();
        }

        /** The specs of {@code all} this principal may create: the topics a service makes sure of at start. */
        public List<TopicSpec> creatable(Collection<TopicSpec> all) {
            Set<String> names = grants.stream()
                    .filter(g -> g.type() == ResourceType.TOPIC && g.pattern() == PatternType.LITERAL
                            && g.operations().contains(AclOperation.CREATE))
                    .map(Grant::name).collect(Collectors.toSet());
            return all.stream().filter(spec -> names.contains(spec.name())).toList();
        }
    }

    private final String suffix;
    private final String routingApplicationId;
    private final String responderGroupId;

    /**
     * @param suffix               {@code HEED_TOPIC_SUFFIX}
     * @param routingApplicationId {@code HEED_ROUTING_APPLICATION_ID}: routing's group, internal-topic and transactional-id prefix
     * @param responderGroupId     {@code HEED_RESPONDER_GROUP_ID}
     */
    public KafkaAccess(String suffix, String routingApplicationId, String responderGroupId) {
        this.suffix = suffix;
        this.routingApplicationId = routingApplicationId;
        this.responderGroupId = responderGroupId;
    }

    /** From the variables the services read, with their defaults. */
    public static KafkaAccess from(Settings settings) {
        return new KafkaAccess(settings.get(KafkaSettings.TOPIC_SUFFIX), settings.get(RoutingSettings.APPLICATION_ID),
                settings.get(ResponderSettings.GROUP_ID));
    }

    /** Writes {@code feedback.received}, nothing else. */
    public Role ingest() {
        return new Role(INGEST_USER, "writes what it takes over HTTP", List.of(Grant.topic(t(TopicNames.FEEDBACK_RECEIVED), WRITE)));
    }

    public Role routing() {
        return routing(suffix, routingApplicationId);
    }

    /** Kafka Streams under exactly_once_v2: its inputs and outputs, and everything prefixed by its application id. */
    public static Role routing(String suffix, String routingApplicationId) {
        List<Grant> grants = new ArrayList<>();
        Stream.of(TopicNames.FEEDBACK_RECEIVED, TopicNames.COMPLAINTS_ACKNOWLEDGED, TopicNames.PROBLEMS_UPDATED)
                .forEach(n -> grants.add(Grant.topic(n + suffix, READ)));
        Stream.of(TopicNames.FEEDBACK_CLASSIFIED, TopicNames.COMPLAINTS_ESCALATED, TopicNames.COMPLAINTS_RESPONSE_DUE,
                TopicNames.ROUTING_DLQ).forEach(n -> grants.add(Grant.topic(n + suffix, WRITE)));
        // Written by the clock processor and read back into the store that answers complaint queries.
        grants.add(Grant.topic(TopicNames.COMPLAINTS_STATE + suffix, READ_WRITE));
        // Problem fixes go from the problem's partition to each complaint's, then on to the updates once applied there.
        grants.add(Grant.topic(TopicNames.COMPLAINTS_UPDATED + suffix, READ_WRITE));
        grants.add(Grant.topic(TopicNames.PROBLEMS_FIXES + suffix, READ_WRITE));
        // Changelogs (and any repartition topic, whose consumed records Streams deletes) are named <application id>-...
        grants.add(new Grant(ResourceType.TOPIC, routingApplicationId, PatternType.PREFIXED, EnumSet.of(AclOperation.CREATE,
                AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS, AclOperation.READ, AclOperation.WRITE, AclOperation.DELETE)));
        grants.add(new Grant(ResourceType.GROUP, routingApplicationId, PatternType.LITERAL, EnumSet.of(AclOperation.READ,
                AclOperation.DESCRIBE)));
        grants.add(new Grant(ResourceType.TRANSACTIONAL_ID, routingApplicationId, PatternType.PREFIXED, EnumSet.of(AclOperation.WRITE,
                AclOperation.DESCRIBE)));
        return new Role(ROUTING_USER, "Kafka Streams: classifies, escalates, runs the SLA clocks", grants);
    }

    /**
     * Reads every Heed topic (its operator console shows them all), writes its four; its own group, and routing's
     * group described only, for the console's lag column.
     */
    public Role responder() {
        Set<String> writes = Set.of(TopicNames.COMPLAINTS_ACKNOWLEDGED, TopicNames.COMPLAINTS_UPDATED, TopicNames.PROBLEMS_UPDATED,
                TopicNames.RESPONSES_SENT, TopicNames.RESPONDER_DLQ);
        List<Grant> grants = new ArrayList<>();
        for (String name : TopicNames.ALL) {
            grants.add(Grant.topic(t(name), writes.contains(name) ? READ_WRITE : READ));
        }
        grants.add(new Grant(ResourceType.GROUP, responderGroupId, PatternType.LITERAL, EnumSet.of(AclOperation.READ,
                AclOperation.DESCRIBE)));
        grants.add(new Grant(ResourceType.GROUP, routingApplicationId, PatternType.LITERAL, EnumSet.of(AclOperation.DESCRIBE)));
        return new Role(RESPONDER_USER, "answers customers, takes acknowledgements, serves the console", grants);
    }

    /**
     * The CLI as an operator runs it: reads everything Heed keeps (status, tail, erase's report), writes feedback
     * ({@code heed send}) and tombstones to {@code complaints.state} ({@code heed erase}); describes the two groups.
     */
    public Role operator() {
        Set<String> writes = Set.of(TopicNames.FEEDBACK_RECEIVED, TopicNames.COMPLAINTS_STATE);
        List<Grant> grants = new ArrayList<>();
        for (String name : TopicNames.ALL) {
            Set<AclOperation> ops = EnumSet.copyOf(INSPECT);
            if (writes.contains(name)) {
                ops.add(AclOperation.WRITE);
            }
            grants.add(Grant.topic(t(name), ops));
        }
        grants.add(new Grant(ResourceType.TOPIC, routingApplicationId, PatternType.PREFIXED, INSPECT));
        for (String group : new LinkedHashSet<>(List.of(routingApplicationId, responderGroupId))) {
            grants.add(new Grant(ResourceType.GROUP, group, PatternType.LITERAL, EnumSet.of(AclOperation.DESCRIBE)));
        }
        return new Role(OPERATOR_USER, "the `heed` CLI: status, tail, send, erase", grants);
    }

    public List<Role> all() {
        return List.of(ingest(), routing(), responder(), operator());
    }

    /** Every role's grants as {@code kafka-acls} commands, one a line, for an admin's {@code --command-config}. */
    public String kafkaAclsCommands() {
        StringBuilder out = new StringBuilder();
        for (Role role : all()) {
            out.append("# ").append(role.user()).append(": ").append(role.what()).append('\n');
            for (Grant grant : role.grants()) {
                out.append("kafka-acls.sh --bootstrap-server \"$BOOTSTRAP\" --command-config admin.properties ")
                        .append(grant.kafkaAclsArguments(role.user())).append('\n');
            }
        }
        return out.toString();
    }

    /** One row per principal, every grant in one cell: the README's table. */
    public String markdownSummary() {
        StringBuilder out = new StringBuilder("| user | what | allowed |\n|---|---|---|\n");
        for (Role role : all()) {
            String grants = role.grants().stream().map(grant -> grant.type().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (grant.pattern() == PatternType.PREFIXED ? " prefix `" : " `") + grant.name() + "`: "
                    + String.join(", ", grant.operationNames())).collect(Collectors.joining("; "));
            out.append("| `").append(role.user()).append("` | ").append(role.what()).append(" | ").append(grants).append(" |\n");
        }
        return out.toString();
    }

    /** The ACL table of docs/security.md. */
    public String markdownTable() {
        StringBuilder out = new StringBuilder("| principal | resource | name | pattern | operations |\n|---|---|---|---|---|\n");
        for (Role role : all()) {
            for (Grant grant : role.grants()) {
                out.append("| `User:").append(role.user()).append("` | ").append(grant.type().name().toLowerCase(Locale.ROOT))
                        .append(" | `").append(grant.name()).append("` | ").append(grant.pattern().name().toLowerCase(Locale.ROOT))
                        .append(" | ").append(String.join(", ", grant.operationNames())).append(" |\n");
            }
        }
        return out.toString();
    }

    private String t(String name) {
        return name + suffix;
    }

}
