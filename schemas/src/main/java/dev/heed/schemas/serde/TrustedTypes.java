package dev.heed.schemas.serde;

import java.util.HashSet;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate classes that are not explicitly trusted (a defence against schemas
 * that name arbitrary classes). The generated event classes are ours, so each serde adds its type and every
 * named type reachable from it to the trusted set, on top of whatever the process already trusts.
 */
final class TrustedTypes {
    private static final Set<String> TRUSTED = new HashSet<>();

    private TrustedTypes() {}

    static synchronized void trust(Schema schema) {
        Set<String> names = new HashSet<>();
        collect(schema, names);
        names.removeAll(TRUSTED);
        if (names.isEmpty()) {
            return;
        }
        ClassSecurityValidator.Builder builder = ClassSecurityValidator.builder();
        names.forEach(builder::add);
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), builder.build()));
        TRUSTED.addAll(names);
    }

    private static void collect(Schema schema, Set<String> names) {
        switch (schema.getType()) {
            case RECORD -> {
                if (names.add(schema.getFullName())) {
                    schema.getFields().forEach(f -> collect(f.schema(), names));
                }
            }
            case ENUM, FIXED -> names.add(schema.getFullName());
            case UNION -> schema.getTypes().forEach(t -> collect(t, names));
            case ARRAY -> collect(schema.getElementType(), names);
            case MAP -> collect(schema.getValueType(), names);
            default -> { }
        }
    }
}
