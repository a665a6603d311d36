package dev.heed.schemas.registry;

import org.apache.avro.Schema;

/**
 * The subset of the schema registry API that Heed's serde needs. Implementations are thread-safe.
 * Failures are reported as {@link RegistryException}: {@link UnknownSchemaException} when the registry
 * answers that it does not know the schema, {@link RegistryException} with {@code retriable() == true}
 * when it could not be reached.
 */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (or finds it already there) and returns its global id. */
    int register(String subject, Schema schema);

    /** Returns the id of a schema already registered under the subject, without registering it. */
    int lookup(String subject, Schema schema);

    /** Returns the schema with this global id. */
    Schema getById(int id);
}
