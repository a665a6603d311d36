package dev.heed.routing.sla;

/** Who is reminded about an unacknowledged complaint; climbs one step at a time and stays at the top. */
public enum Level {
    AGENT, TEAM_LEAD, MANAGER;

    /** The level reached after {@code steps} climbs from AGENT; never beyond MANAGER. */
    public static Level afterClimbs(int steps) {
        Level[] all = values();
        return all[Math.min(Math.max(steps, 0), all.length - 1)];
    }
}
