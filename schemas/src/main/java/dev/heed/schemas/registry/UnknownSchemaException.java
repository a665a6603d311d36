package dev.heed.schemas.registry;

/** The registry does not know the schema id or subject asked for. */
public class UnknownSchemaException extends RegistryException {
    private static final long serialVersionUID = 1L;

    public UnknownSchemaException(String message) {
        super(message, false, null);
    }
}
