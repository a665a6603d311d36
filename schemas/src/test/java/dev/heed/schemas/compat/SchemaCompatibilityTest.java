package dev.heed.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.ProblemUpdated;
import dev.heed.events.ResponseDue;
import dev.heed.events.ResponseSent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaCompatibilityTest {
    private static final Path RELEASED = Path.of("released");

    static Stream<Schema> events() {
        return Stream.of(FeedbackReceived.getClassSchema(), FeedbackClassified.getClassSchema(),
                ComplaintEscalated.getClassSchema(), ResponseDue.getClassSchema(), ComplaintAcknowledged.getClassSchema(),
                ComplaintState.getClassSchema(), ResponseSent.getClassSchema(), ComplaintUpdated.getClassSchema(),
                ProblemUpdated.getClassSchema());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void currentSchemaShouldStayCompatibleBothWaysWithEveryReleasedVersion(Schema current) {
        List<Path> versions = CompatibilityGate.releasedVersions(RELEASED, current.getName());
        assertThat(versions).as("released versions of %s (release it by adding released/%s/N.avsc)",
                current.getName(), current.getName()).isNotEmpty();

        List<CompatibilityGate.Violation> violations = new ArrayList<>();
        for (Path version : versions) {
            violations.addAll(CompatibilityGate.check(current.getName(), version.getFileName().toString(),
                    CompatibilityGate.parse(version), current));
        }

        assertThat(violations).isEmpty();
    }

    @Test
    void gateShouldRejectANewRequiredFieldWithoutDefault() {
        Schema released = CompatibilityGate.parse(RELEASED.resolve("ComplaintAcknowledged/1.avsc"));
        Schema breaking = withExtraField(released, SchemaBuilder.builder().stringType(), false);

        assertThat(CompatibilityGate.check("ComplaintAcknowledged", "1.avsc", released, breaking))
                .extracting(CompatibilityGate.Violation::direction)
                .anyMatch(direction -> direction.startsWith("backward"));
    }

    @Test
    void gateShouldRejectAChangedFieldType() {
        Schema released = CompatibilityGate.parse(RELEASED.resolve("ComplaintAcknowledged/1.avsc"));
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : released.getFields()) {
            Schema type = f.name().equals("agent") ? SchemaBuilder.builder().intType() : f.schema();
            fields.add(new Schema.Field(f.name(), type, f.doc(), f.defaultVal()));
        }
        Schema breaking = Schema.createRecord(released.getName(), released.getDoc(), released.getNamespace(), false, fields);

        assertThat(CompatibilityGate.check("ComplaintAcknowledged", "1.avsc", released, breaking)).hasSize(2);
    }

    @Test
    void gateShouldAcceptANewOptionalFieldWithDefault() {
        Schema released = CompatibilityGate.parse(RELEASED.resolve("ComplaintAcknowledged/1.avsc"));
        Schema evolved = withExtraField(released, SchemaBuilder.builder().nullable().stringType(), true);

        assertThat(CompatibilityGate.check("ComplaintAcknowledged", "1.avsc", released, evolved)).isEmpty();
    }

    private static Schema withExtraField(Schema released, Schema type, boolean withNullDefault) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : released.getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        fields.add(withNullDefault
                ? new Schema.Field("escalationNote", type, "added later", Schema.Field.NULL_DEFAULT_VALUE)
                : new Schema.Field("escalationNote", type, "added later"));
        return Schema.createRecord(released.getName(), released.getDoc(), released.getNamespace(), false, fields);
    }
}
