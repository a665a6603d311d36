package dev.heed.ingest.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API keys of the source systems, each bound to one source name. Only SHA-256 hashes are held, so a
 * leaked configuration does not leak keys. A presented key is hashed and compared with every stored hash
 * in constant time, and the loop never stops early, so response timing tells nothing about which key or
 * how much of it matched.
 *
 * <p>Configuration format ({@code HEED_INGEST_API_KEYS}): comma-separated {@code source=sha256hex}
 * pairs ({@code source:sha256hex} is read too), e.g. {@code web-form=9f86d0...,zendesk=60303a...}; a hash
 * is {@code printf %s "$KEY" | sha256sum}. A source name is what the key may post as, and becomes the
 * CloudEvents source of what it posts, so it is limited to letters, digits, '.', '_' and '-'.
 * Thread-safe and immutable.
 */
public final class ApiKeyRegistry {
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

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
            int separator = separator(pair);
            String source = separator < 0 ? "" : pair.substring(0, separator).trim();
            if (!SOURCE.matcher(source).matches()) {
                throw new IllegalArgumentException("HEED_INGEST_API_KEYS entry is not source=sha256hex: " + pair.trim());
            }
            byte[] hash = parseHash(pair.substring(separator + 1).trim(), source);
            entries.add(new Entry(source, hash));
        }
        return new ApiKeyRegistry(entries);
    }

    private static int separator(String pair) {
        int equals = pair.indexOf('=');
        return equals >= 0 ? equals : pair.indexOf(':');
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
