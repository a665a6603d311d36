package dev.heed.ingest.auth;

/** Where a request carries its API key: {@code Authorization: Bearer <key>}, else {@code X-API-Key: <key>}. */
public final class PresentedKey {
    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private PresentedKey() {}

    /** The key from the two headers' values (either may be null), or null when neither carries one. */
    public static String of(String authorization, String apiKeyHeader) {
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).trim();
        }
        return apiKeyHeader;
    }
}
