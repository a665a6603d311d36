package dev.heed.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.ingest.JsonMapping;
import dev.heed.ingest.feedback.FieldError;
import dev.heed.ingest.intake.Accepted;
import dev.heed.ingest.intake.Outcome;
import dev.heed.runtime.http.Problem;
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
        Instant time = Instant.ofEpochMilli(1_790_000_000_000L);
        for (int i = 0; i < 2_000; i++) {
            // Runs of equal times, as in a real batch, and times with and without milliseconds.
            if (random.nextInt(5) == 0) {
                time = Instant.ofEpochMilli(random.nextBoolean() ? random.nextLong(0, 4_000_000L) * 1000 : random.nextLong(0, 4_000_000_000_000L));
            }
            outcomes.add(switch (random.nextInt(4)) {
                case 0 -> Outcome.refused(Problems.invalid(List.of(FieldError.invalid("/" + i + "/text", "is \"required\"\n"))));
                case 1 -> Outcome.refused(Problems.kafkaUnavailable(Duration.ofSeconds(random.nextInt(30))));
                default -> Outcome.accepted(new Accepted("ev-" + i + "-é", "ingest-" + random.nextLong(), "feedback.received",
                        random.nextInt(12), random.nextLong() & Long.MAX_VALUE, time), random.nextBoolean());
            });
        }
        BatchResult result = BatchResult.of(outcomes);

        ObjectNode reference = json.createObjectNode().put("accepted", result.accepted()).put("refused", result.refused());
        ArrayNode items = reference.putArray("results");
        result.results().forEach(item -> items.add(reference(item)));
        String written = json.writeValueAsString(result);
        // Item by item first, so a failure names the item; then the exact text, field order included.
        assertThat(json.readTree(written).get("results")).containsExactlyElementsOf(items);
        assertThat(written).isEqualTo(json.writeValueAsString(reference));
        assertThat(result.results()).hasSize(2_000);
        assertThat(result.accepted()).isEqualTo((int) outcomes.stream().filter(o -> o.accepted() != null).count());
        assertThat(result.accepted() + result.refused()).isEqualTo(2_000);
    }
}
