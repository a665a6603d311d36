package dev.heed.runtime.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The agent and team bearer tokens ({@code HEED_ACK_TOKENS}) that the responder's acknowledge API and console
 * and routing's complaint queries accept, stored only as SHA-256 hashes: a leaked configuration does not
 * leak a usable token. A presented token is hashed and compared with every stored hash in constant time,
 * without stopping at the first match, so timing tells nothing about which hash came close.
 */
public final class TokenStore {
    private final List<Entry> entries;

    private record Entry(Principal principal, byte[] hash) {}

    private TokenStore(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @param spec comma-separated {@code agent:<name>:<sha256-hex>} or {@code team:<name>:<sha256-hex>};
     *             empty for none (then every request is refused)
     */
    public static TokenStore parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return new TokenStore(List.of());
        }
        return new TokenStore(java.util.Arrays.stream(spec.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(TokenStore::entry).toList());
    }

    private static Entry entry(String item) {
        String[] parts = item.split(":");
        if (parts.length != 3 || parts[2].length() != 64) {
            throw new IllegalArgumentException("a token entry is kind:name:sha256-hex, got '" + item.replaceAll(":[^:]*$", ":...") + "'");
        }
        Principal.Kind kind = Principal.Kind.valueOf(parts[0].trim().toUpperCase(Locale.ROOT));
        return new Entry(new Principal(kind, parts[1].trim()), HexFormat.of().parseHex(parts[2].trim()));
    }

    /** The hex SHA-256 of a token, as it is configured. */
    public static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    /**
     * The principal of an {@code Authorization} header's bearer token; empty when the header is missing, is
     * not {@code Bearer <token>} (the scheme in any case), or carries a token that is not configured.
     */
    public Optional<Principal> authenticateHeader(String authorization) {
        return bearerToken(authorization).flatMap(this::authenticate);
    }

    /** The token of an {@code Authorization: Bearer <token>} header; empty for no header or another scheme. */
    public static Optional<String> bearerToken(String authorization) {
        String prefix = "Bearer ";
        if (authorization == null || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(prefix.length()).trim());
    }

    public Optional<Principal> authenticate(String token) {
        byte[] presented = sha256(token);
        Principal found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(presented, entry.hash()) && found == null) {
                found = entry.principal();
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
