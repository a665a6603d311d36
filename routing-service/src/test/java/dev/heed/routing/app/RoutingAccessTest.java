package dev.heed.routing.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.routing.sla.PolicyBook;
import dev.heed.routing.topology.ClockSettings;
import dev.heed.routing.topology.RoutingTopology;
import dev.heed.routing.classify.FeedbackClassifier;
import dev.heed.runtime.catalog.KafkaAccess;
import dev.heed.runtime.catalog.KafkaAccess.Grant;
import dev.heed.schemas.registry.InMemorySchemaRegistry;
import dev.heed.schemas.topics.HeedTopics;
import dev.heed.schemas.topics.TopicSpec;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/**
 * Routing's ACLs in {@link KafkaAccess} are those its topology needs: it reads every source topic, writes every sink
 * topic and its dead letters, and touches no other Heed topic, so a new source or sink fails here before it fails
 * on a secured cluster. Its own topics (the reply topics, as the changelogs) are named after its application id and
 * covered by the grant on that prefix.
 */
class RoutingAccessTest {
    private static final String SUFFIX = ".v9";
    private final HeedTopics topics = HeedTopics.create(new InMemorySchemaRegistry(), true, 6, SUFFIX);
    private final TopologyDescription description = RoutingTopology.build(topics, FeedbackClassifier.loadDefault(),
            PolicyBook.defaults(), ClockSettings.defaults()).describe();
    private final KafkaAccess.Role routing = KafkaAccess.routing(SUFFIX, "heed-routing");

    @Test
    void routingReadsItsSourcesAndWritesItsSinksAndItsDeadLettersAndNothingElse() {
        Set<String> sources = new TreeSet<>();
        Set<String> sinks = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : description.subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Source source) {
                    sources.addAll(source.topicSet());
                } else if (node instanceof TopologyDescription.Sink sink) {
                    sinks.add(sink.topic());
                }
            }
        }
        sinks.add(topics.routingDlq().name());

        assertThat(sources).allSatisfy(topic -> assertThat(operations(topic)).contains(AclOperation.READ, AclOperation.DESCRIBE));
        assertThat(sinks).allSatisfy(topic -> assertThat(operations(topic)).contains(AclOperation.WRITE, AclOperation.DESCRIBE));
        Set<String> literal = routing.grants().stream().filter(g -> g.type() == ResourceType.TOPIC && g.pattern() == PatternType.LITERAL)
                .map(Grant::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> used = new TreeSet<>(sources);
        used.addAll(sinks);
        used.removeIf(topic -> topic.startsWith("heed-routing-"));
        assertThat(literal).isEqualTo(used);
        assertThat(sources).contains("heed-routing-replies");
        assertThat(sinks).contains("heed-routing-replies", "heed-routing-reply-index");
        assertThat(description.globalStores()).allSatisfy(global -> assertThat(operations(global.source().topicSet().iterator().next()))
                .contains(AclOperation.READ, AclOperation.DESCRIBE));
    }

    @Test
    void routingCreatesOnlyTheTopicsItUses() {
        assertThat(routing.creatable(topics.all()).stream().map(TopicSpec::name))
                .doesNotContain(topics.responsesSent().name(), topics.responderDlq().name())
                .contains(topics.feedbackReceived().name(), topics.complaintsState().name(), topics.routingDlq().name());
    }

    private Set<AclOperation> operations(String topic) {
        return routing.grants().stream().filter(g -> g.type() == ResourceType.TOPIC
                        && (g.pattern() == PatternType.LITERAL ? g.name().equals(topic) : topic.startsWith(g.name() + "-")))
                .flatMap(g -> g.operations().stream()).collect(Collectors.toSet());
    }
}
