package dev.heed.schemas.registry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;

/**
 * A registry in memory, for unit and topology tests only (it ships in the schemas test-jar, never in a
 * service). Ids are global and stable per schema, like a real registry; it does not check compatibility.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {
    private final List<Schema> schemas = new CopyOnWriteArrayList<>();
    private final Map<String, List<Schema>> subjects = new ConcurrentHashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = schemas.indexOf(schema);
        if (id < 0) {
            schemas.add(schema);
            id = schemas.size() - 1;
        }
        List<Schema> versions = subjects.computeIfAbsent(subject, s -> new CopyOnWriteArrayList<>());
        if (!versions.contains(schema)) {
            versions.add(schema);
        }
        return id + 1;
    }

    @Override
    public int lookup(String subject, Schema schema) {
        List<Schema> versions = subjects.getOrDefault(subject, List.of());
        if (!versions.contains(schema)) {
            throw new UnknownSchemaException("subject " + subject + " has no such schema");
        }
        return schemas.indexOf(schema) + 1;
    }

    @Override
    public Schema getById(int id) {
        if (id < 1 || id > schemas.size()) {
            throw new UnknownSchemaException("no schema with id " + id);
        }
        return schemas.get(id - 1);
    }

    /** The subjects registered so far, for assertions. */
    public java.util.Set<String> subjects() {
        return java.util.Set.copyOf(subjects.keySet());
    }
}
