package dev.heed.routing.problem;

import dev.heed.schemas.topics.TopicNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One known problem: the complaints linked to it and, once resolved, its resolution. Resolving the problem sends every
 * linked complaint the fix once; a complaint linked after that gets it at once; an unlink before the fix takes the
 * complaint out, after it changes nothing (the customer has been told). The first resolution stands: a second one, or
 * a retry, changes nothing. Each action is applied once per event id (the last {@value #REMEMBERED} are remembered).
 * Whether a complaint that gets a fix is still open is not decided here but by the complaint's own clock, which holds
 * its state.
 *
 * @param complaints  the linked complaints in link order; once resolved, exactly those that were sent the fix
 * @param resolution  the problem's resolution, null while it is open
 * @param recent      the event ids applied last, oldest first
 */
public record ProblemLinks(List<String> complaints, Resolution resolution, List<String> recent) {

    /** How many applied event ids are remembered to recognise a retry. */
    public static final int REMEMBERED = 16;

    /** A problem nobody has linked anything to. */
    public static final ProblemLinks NONE = new ProblemLinks(List.of(), null, List.of());

    /** The problem's resolution: as the customers are told it ({@code message}), by whom, when, and which event. */
    public record Resolution(String eventId, Instant at, String agent, String team, String message) {
        public Resolution {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The resolution to send one complaint, at {@code at}: the problem's resolution time, or its link's when later. */
    public record Fix(String complaintId, Instant at) {}

    /** What an action did: the problem after it, the fixes to send, and what happened, in words for the log. */
    public record Step(ProblemLinks links, List<Fix> fixes, String outcome) {
        public boolean changed(ProblemLinks before) {
            return !links.equals(before);
        }
    }

    public ProblemLinks {
        complaints = List.copyOf(complaints);
        recent = List.copyOf(recent);
    }

    public boolean resolved() {
        return resolution != null;
    }

    /** Whether the action with {@code eventId} was applied already (a retry). */
    public boolean applied(String eventId) {
        return recent.contains(eventId);
    }

    /** Links {@code complaintId}; on a resolved problem the complaint is sent the fix at once, stamped at the later of the two times. */
    public Step link(String eventId, String complaintId, Instant at) {
        if (applied(eventId)) {
            return unchanged("a retry of " + eventId);
        }
        if (complaints.contains(complaintId)) {
            return new Step(remember(eventId, complaints), List.of(), complaintId + " was linked already");
        }
        List<String> next = new ArrayList<>(complaints);
        next.add(complaintId);
        if (!resolved()) {
            return new Step(remember(eventId, next), List.of(), "linked " + complaintId);
        }
        Instant when = at.isAfter(resolution.at()) ? at : resolution.at();
        return new Step(remember(eventId, next), List.of(new Fix(complaintId, when)), "linked " + complaintId + " after the fix: sent it at once");
    }

    /** Takes {@code complaintId} out before the fix; after it, the customer has been told, and nothing changes. */
    public Step unlink(String eventId, String complaintId) {
        if (applied(eventId)) {
            return unchanged("a retry of " + eventId);
        }
        if (resolved()) {
            return new Step(remember(eventId, complaints), List.of(),
                    complaintId + " stays: the problem is resolved and " + (complaints.contains(complaintId) ? "it was sent the fix" : "it was never linked"));
        }
        Set<String> next = new LinkedHashSet<>(complaints);
        boolean was = next.remove(complaintId);
        return new Step(remember(eventId, List.copyOf(next)), List.of(), was ? "unlinked " + complaintId : complaintId + " was not linked");
    }

    /** Resolves the problem: every linked complaint gets the fix, at the resolution's time. The first resolution stands. */
    public Step resolve(Resolution next) {
        if (applied(next.eventId())) {
            return unchanged("a retry of " + next.eventId());
        }
        if (resolved()) {
            return new Step(remember(next.eventId(), complaints), List.of(), "resolved already by " + resolution.eventId() + "; nothing sent");
        }
        List<Fix> fixes = complaints.stream().map(id -> new Fix(id, next.at())).toList();
        return new Step(new ProblemLinks(complaints, next, recentWith(next.eventId())), fixes,
                "resolved: the fix goes to " + fixes.size() + " linked complaint(s)");
    }

    private Step unchanged(String why) {
        return new Step(this, List.of(), why + ": nothing changes");
    }

    private ProblemLinks remember(String eventId, List<String> nextComplaints) {
        return new ProblemLinks(nextComplaints, resolution, recentWith(eventId));
    }

    private List<String> recentWith(String eventId) {
        List<String> next = new ArrayList<>(recent);
        next.add(eventId);
        return next.size() > REMEMBERED ? next.subList(next.size() - REMEMBERED, next.size()) : next;
    }

    /** The deterministic update id of the fix sent to {@code complaintId} for {@code problemId}: one per pair, so a retry is recognised downstream. */
    public static String fixUpdateId(String problemId, String complaintId) {
        return TopicNames.FIX_UPDATE_PREFIX + problemId + ":" + complaintId;
    }

    /** Whether {@code updateId} names a problem fix (routing applied it when it wrote it). */
    public static boolean isFix(String updateId) {
        return updateId != null && updateId.startsWith(TopicNames.FIX_UPDATE_PREFIX);
    }
}
