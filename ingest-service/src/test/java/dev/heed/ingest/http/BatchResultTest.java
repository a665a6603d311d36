package dev.heed.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.ingest.JsonMapping;
import dev.heed.ingest.feedback.FieldError;
import dev.heed.ingest.intake.Accepted;
import dev.heed.ingest.intake.Outcome;
import dev.heed.ingest.problem.Problem;
import dev.heed.ingest.problem.Problems;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchResultTest {
    private final ObjectMapper json = JsonMapping.create();

    /** What the item was before its hand-written serializer: index and status, the answer's fields unwrapped, or the problem. */
    private ObjectNode reference(BatchResult.Item item) {
        ObjectNode node = json.createObjectNode().put("index", item.index()).put("status", item.status());
        if (item.accepted() != null) {
            node.setAll((ObjectNode) json.valueToTree(item.accepted()));
        }
        if (item.problem() != null) {
            node.set("problem", json.valueToTree(item.problem()));
        }
        return node;
    }

    @Test
    void shouldWriteEveryItemAsTheSingleAnswersFieldsOrItsProblem() throws Exception {
        var random = new Random(11);
        var outcomes = new ArrayList<Outcome>();
        for (int i = 0; i < 2_000; i++) {
            outcomes.add(switch (random.nextInt(4)) {
                case 0 -> Outcome.refused(Problem.invalid(List.of(FieldError.invalid("/" + i + "/text", "is \"required\"\n"))));
                case 1 -> Outcome.refused(Problems.kafkaUnavailable(Duration.ofSeconds(random.nextInt(30))));
                default -> Outcome.accepted(new Accepted("ev-" + i + "-é", "ingest-" + random.nextLong(), "feedback.received",
                        random.nextInt(12), random.nextLong() & Long.MAX_VALUE,
                        Instant.ofEpochMilli(random.nextBoolean() ? 1_790_000_000_000L : random.nextLong(0, 4_000_000_000_000L))),
                        random.nextBoolean());
            });
        }
        BatchResult result = BatchResult.of(outcomes);

        for (BatchResult.Item item : result.results()) {
            assertThat(json.writeValueAsString(item)).isEqualTo(json.writeValueAsString(reference(item)));
        }
        assertThat(json.readTree(json.writeValueAsBytes(result)).get("results").size()).isEqualTo(2_000);
        assertThat(result.accepted() + result.refused()).isEqualTo(2_000);
    }
}
