package dev.heed.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The house rules of DESIGN.md, checked on every schema reachable from an event. */
class ContractRulesTest {

    static java.util.stream.Stream<Schema> events() {
        return SchemaCompatibilityTest.events();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void everyFieldHasADocEveryEnumADefaultAndEveryTimeIsTimestampMillis(Schema event) {
        List<String> problems = new ArrayList<>();
        walk(event, problems, new IdentityHashMap<>());
        assertThat(problems).isEmpty();
    }

    private static void walk(Schema schema, List<String> problems, Map<Schema, Boolean> seen) {
        if (seen.put(schema, Boolean.TRUE) != null) {
            return;
        }
        switch (schema.getType()) {
            case RECORD -> {
                if (schema.getDoc() == null) {
                    problems.add(schema.getFullName() + " has no doc");
                }
                for (Schema.Field field : schema.getFields()) {
                    checkField(schema, field, problems);
                    walk(field.schema(), problems, seen);
                }
            }
            case ENUM -> {
                if (schema.getEnumDefault() == null) {
                    problems.add(schema.getFullName() + " has no default symbol");
                }
            }
            case UNION -> schema.getTypes().forEach(t -> walk(t, problems, seen));
            case ARRAY -> walk(schema.getElementType(), problems, seen);
            case MAP -> walk(schema.getValueType(), problems, seen);
            default -> { }
        }
    }

    private static void checkField(Schema record, Schema.Field field, List<String> problems) {
        String name = record.getName() + "." + field.name();
        if (field.doc() == null || field.doc().isBlank()) {
            problems.add(name + " has no doc");
        }
        if (field.name().endsWith("At") && !isTimestampMillis(field.schema())) {
            problems.add(name + " is a time but not timestamp-millis");
        }
    }

    private static boolean isTimestampMillis(Schema schema) {
        if (schema.getType() == Schema.Type.UNION) {
            return schema.getTypes().stream().anyMatch(ContractRulesTest::isTimestampMillis);
        }
        if (schema.getType() == Schema.Type.ARRAY) {
            return isTimestampMillis(schema.getElementType());
        }
        return schema.getLogicalType() instanceof LogicalTypes.TimestampMillis;
    }
}
