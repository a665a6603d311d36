package dev.heed.responder.notify;

import dev.heed.events.EscalationLevel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who hears about a complaint, by queue and escalation level. At level L everyone configured for the
 * levels up to L is told: the queue's agents always, the team lead from TEAM_LEAD on, the manager at
 * MANAGER, because climbing a level adds a person rather than taking the complaint away from the agents.
 * A queue with no recipients for a level falls back to the {@value #DEFAULT_QUEUE} queue's. UNKNOWN (a
 * level newer than this service) is handled as the highest known level.
 */
public final class AgentRoutes {
    public static final String DEFAULT_QUEUE = "DEFAULT";
    private static final List<EscalationLevel> ORDER = List.of(EscalationLevel.AGENT, EscalationLevel.TEAM_LEAD, EscalationLevel.MANAGER);

    private final Map<String, Map<EscalationLevel, List<Recipient>>> byQueue;

    /** @param byQueue recipients by {@link #queueKey(String)} and level */
    public AgentRoutes(Map<String, Map<EscalationLevel, List<Recipient>>> byQueue) {
        this.byQueue = Map.copyOf(byQueue);
    }

    public static String queueKey(String queue) {
        return queue.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    public List<Recipient> recipients(String queue, EscalationLevel level) {
        int highest = level == EscalationLevel.UNKNOWN ? ORDER.size() - 1 : ORDER.indexOf(level);
        Set<Recipient> recipients = new LinkedHashSet<>();
        for (EscalationLevel each : ORDER.subList(0, highest + 1)) {
            List<Recipient> own = at(queueKey(queue), each);
            recipients.addAll(own.isEmpty() ? at(DEFAULT_QUEUE, each) : own);
        }
        return new ArrayList<>(recipients);
    }

    private List<Recipient> at(String queueKey, EscalationLevel level) {
        return byQueue.getOrDefault(queueKey, Map.of()).getOrDefault(level, List.of());
    }
}
