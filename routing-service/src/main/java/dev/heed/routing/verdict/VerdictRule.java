package dev.heed.routing.verdict;

/**
 * What a customer's verdict does to the complaint it answers (one routing acknowledged, so it has its facts and state).
 * One verdict per resolution: the first one recorded for a resolution stands, and a later one for the same resolution
 * changes nothing, whatever it says. A negative verdict reopens a complaint that is resolved now and escalates it one
 * level; any other verdict, a positive one or one for a complaint an agent already reopened, is recorded on the
 * complaint and changes nothing else.
 */
public final class VerdictRule {

    /** What happens. */
    public enum Outcome {
        /** Recorded; the complaint is reopened and escalated one level. */
        REOPEN,
        /** Recorded; nothing else changes. */
        RECORD,
        /** The resolution has its verdict already: nothing changes. */
        ANSWERED
    }

    private VerdictRule() {
    }

    /**
     * @param resolved  whether the complaint is resolved now
     * @param previous  the verdict recorded last on the complaint, null when none
     * @param verdict   the new one
     */
    public static Outcome decide(boolean resolved, CustomerVerdict previous, CustomerVerdict verdict) {
        if (previous != null && previous.resolutionId().equals(verdict.resolutionId())) {
            return Outcome.ANSWERED;
        }
        return verdict.negative() && resolved ? Outcome.REOPEN : Outcome.RECORD;
    }
}
