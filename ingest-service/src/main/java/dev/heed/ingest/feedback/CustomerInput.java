package dev.heed.ingest.feedback;

/** Who wrote, as the source knows them; every part optional. */
public record CustomerInput(String id, String displayName, String email, String phone, String preferredLanguage) {
    public static final CustomerInput ANONYMOUS = new CustomerInput(null, null, null, null, null);
}
