package dev.heed.routing.sla;

import java.time.Instant;

/**
 * Whether an acknowledged complaint is resolved, by whom and when, and how often it was resolved and reopened. An
 * immutable value: an agent's resolving update resolves it, a reopening update of a resolved one reopens it.
 *
 * @param resolvedAt  when the resolving update was given (its own time), null while unresolved (never, or reopened)
 * @param resolvedBy  who resolved it, null as {@code resolvedAt} is
 * @param resolutions times it was resolved
 * @param reopenings  times it was reopened after a resolution
 * @param automatic   whether the current resolution is routing's own {@linkplain AutoClose automatic close} of a complaint
 *                    that waited on the customer too long (false while unresolved)
 */
public record Resolution(Instant resolvedAt, String resolvedBy, int resolutions, int reopenings, boolean automatic) {

    /** Never resolved, never reopened. */
    public static final Resolution NONE = new Resolution(null, null, 0, 0);

    /** Resolved, if at all, by an agent or a problem's fix. */
    public Resolution(Instant resolvedAt, String resolvedBy, int resolutions, int reopenings) {
        this(resolvedAt, resolvedBy, resolutions, reopenings, false);
    }

    public Resolution {
        if ((resolvedAt == null) != (resolvedBy == null)) {
            throw new IllegalArgumentException("a resolution has both a time and an agent, or neither");
        }
        if (resolutions < 0 || reopenings < 0 || reopenings > resolutions || (resolvedAt != null && resolutions == 0)) {
            throw new IllegalArgumentException("impossible resolution counts: " + resolutions + " resolved, " + reopenings + " reopened");
        }
        if (automatic && resolvedAt == null) {
            throw new IllegalArgumentException("only a resolved complaint was closed automatically");
        }
    }

    public boolean resolved() {
        return resolvedAt != null;
    }

    /** Was it ever reopened and is it open now: an agent works on it again. */
    public boolean reopened() {
        return !resolved() && reopenings > 0;
    }

    /** Resolved by {@code agent} at {@code at}; resolving a resolved complaint changes nothing. */
    public Resolution resolve(Instant at, String agent) {
        return resolved() ? this : new Resolution(at, agent, resolutions + 1, reopenings);
    }

    /** Closed automatically by routing ({@code agent}) at {@code at}; resolving a resolved complaint changes nothing. */
    public Resolution closeAutomatically(Instant at, String agent) {
        return resolved() ? this : new Resolution(at, agent, resolutions + 1, reopenings, true);
    }

    /** Reopened; reopening an unresolved complaint changes nothing. */
    public Resolution reopen() {
        return resolved() ? new Resolution(null, null, resolutions, reopenings + 1) : this;
    }
}
