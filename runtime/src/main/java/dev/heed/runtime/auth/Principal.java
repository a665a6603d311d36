package dev.heed.runtime.auth;

/** Who presented a token: one agent, or a team whose members name themselves in the request. */
public record Principal(Kind kind, String name) {
    public enum Kind { AGENT, TEAM }
}
