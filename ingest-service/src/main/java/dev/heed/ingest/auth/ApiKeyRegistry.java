package dev.heed.ingest.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The API keys of the source systems, each bound to one source name. Only SHA-256 hashes are held, so a
 * leaked configuration does not leak keys. A presented key is hashed and compared with every stored hash
 * in constant time, and the loop never stops early, so response timing tells nothing about which key or
 * how much of it matched.
 *
 * <p>Configuration format ({@code HEED_INGEST_API_KEYS}): comma-separated {@code source:sha256hex}
 * pairs, e.g. {@code web-form:9f86d0...,zendesk:60303a...}; a hash is {@code printf %s "$KEY" | sha256sum}.
 * Thread-safe and immutable.
 */
public final class ApiKeyRegistry {
    private record Entry(String source, byte[] hash) {}

    private final List<Entry> entries;

    private ApiKeyRegistry(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static ApiKeyRegistry parse(String spec) {
        var entries = new ArrayList<Entry>();
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("HEED_INGEST_API_KEYS entry is not source:sha256hex: " + pair.trim());
            }
            String source = pair.substring(0, colon).trim();
            byte[] hash = parseHash(pair.substring(colon + 1).trim(), source);
            entries.add(new Entry(source, hash));
        }
        return new ApiKeyRegistry(entries);
    }

    private static byte[] parseHash(String hex, String source) {
        try {
            byte[] hash = HexFormat.of().parseHex(hex);
            if (hash.length == 32) {
                return hash;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the message that names the source
        }
        throw new IllegalArgumentException("HEED_INGEST_API_KEYS hash for " + source + " is not 64 hex digits of SHA-256");
    }

    /** The hash a configuration holds for a key; what operators compute with {@code sha256sum}. */
    public static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    /** The source system the key belongs to, or empty when the key is unknown. */
    public Optional<String> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(presentedKey);
        String match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), presented) && match == null) {
                match = entry.source();
            }
        }
        return Optional.ofNullable(match);
    }

    public int size() {
        return entries.size();
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
