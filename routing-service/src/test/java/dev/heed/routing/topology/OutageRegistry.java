package dev.heed.routing.topology;

import dev.heed.schemas.registry.InMemorySchemaRegistry;
import dev.heed.schemas.registry.RegistryException;
import dev.heed.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A registry that can be taken away, in front of a cache as the service's HTTP client keeps one: while it is
 * down, what was asked before is still answered, and anything new fails as an unreachable registry does
 * (a retriable {@link RegistryException}).
 */
final class OutageRegistry implements SchemaRegistryClient {
    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();
    private volatile boolean down;

    void down(boolean down) {
        this.down = down;
    }

    @Override
    public int register(String subject, Schema schema) {
        return ids.computeIfAbsent("register " + subject + " " + schema, k -> reachable().register(subject, schema));
    }

    @Override
    public int lookup(String subject, Schema schema) {
        return ids.computeIfAbsent("lookup " + subject + " " + schema, k -> reachable().lookup(subject, schema));
    }

    @Override
    public Schema getById(int id) {
        return schemas.computeIfAbsent(id, k -> reachable().getById(id));
    }

    private SchemaRegistryClient reachable() {
        if (down) {
            throw new RegistryException("schema registry unreachable (taken away by the test)", true, null);
        }
        return registry;
    }
}
