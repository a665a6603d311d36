package dev.heed.faults;

/**
 * What the verifier counted. Ids are feedback ids (the key of every Heed topic); "accepted" is an id
 * ingest answered 202.
 *
 * @param accepted                    ids answered 202
 * @param refused                     ids answered 503 at least once (a retry may have been accepted later)
 * @param unanswered                  ids whose request got no answer at least once
 * @param received                    accepted ids on {@code feedback.received}
 * @param classified                  accepted ids on {@code feedback.classified}
 * @param escalated                   ids on {@code complaints.escalated}
 * @param replied                     accepted ids with a customer reply recorded on {@code responses.sent}
 * @param lostReceived                accepted ids not on {@code feedback.received}
 * @param lostClassified              accepted ids not classified
 * @param lostReplied                 accepted ids without a recorded reply
 * @param lostIds                     accepted ids missing at one stage or more
 * @param receivedRepeats             ids on {@code feedback.received} more than once
 * @param unexplainedReceivedRepeats  of those, ids that were never refused nor unanswered: only a retry
 *                                    after a refusal may write an id twice
 * @param refusedWritten              refused ids written by a refused request all the same: on
 *                                    {@code feedback.received} more often than their one accepted write
 * @param refusedDuplicatedDownstream refused ids classified more than once: a 503 that was written and
 *                                    not deduplicated
 * @param duplicateClassified         ids classified more than once
 * @param duplicateEscalated          ids escalated more than once
 * @param duplicateReplied            ids with more than one customer reply recorded
 * @param invented                    keys on some topic that the load generator never posted
 * @param duePoints                   distinct (complaint, clock, due point) triples on {@code complaints.response-due}
 * @param duplicateDuePoints          triples emitted more than once (each extra record counts)
 * @param missingDuePoints            due points the escalation promised before the horizon and before its
 *                                    acknowledgement (less the grace), never emitted
 * @param acknowledged                complaints acknowledged
 * @param remindersAfterAck           first-response due records whose due point is later than the
 *                                    acknowledgement plus the grace (promise and resolution points are not
 *                                    reminders to acknowledge)
 * @param stoppedByAck                due points an escalation promised, later than its acknowledgement plus the
 *                                    grace and before the horizon, rightly never emitted: what the
 *                                    acknowledgements stopped (0 says they were too late to stop anything)
 */
public record Counts(int accepted, int refused, int unanswered,
                     int received, int classified, int escalated, int replied,
                     int lostReceived, int lostClassified, int lostReplied, int lostIds,
                     int receivedRepeats, int unexplainedReceivedRepeats, int refusedWritten,
                     int refusedDuplicatedDownstream,
                     int duplicateClassified, int duplicateEscalated, int duplicateReplied, int invented,
                     int duePoints, int duplicateDuePoints, int missingDuePoints,
                     int acknowledged, int remindersAfterAck, int stoppedByAck) {

    /** Accepted ids missing somewhere, plus promised due points never emitted. */
    public int lost() {
        return lostIds + missingDuePoints;
    }

    /**
     * Every record the pipeline wrote once too often, or should not have written. Reminders after an
     * acknowledgement are not in it: they are the fault table's own column (not yet 0 under faults, see
     * docs/faults.md), so that this count keeps guarding against real repeats.
     */
    public int duplicated() {
        return unexplainedReceivedRepeats + duplicateClassified + duplicateEscalated + duplicateReplied
                + duplicateDuePoints + invented;
    }

    @Override
    public String toString() {
        return ("accepted %d (refused %d, unanswered %d); received %d, classified %d, escalated %d, replied %d; "
                + "lost: received %d, classified %d, replied %d, due points %d; "
                + "repeats on feedback.received %d (unexplained %d), refused but written %d, of which classified twice %d; "
                + "duplicates: classified %d, escalated %d, replied %d, due points %d; invented %d; "
                + "due points %d; acknowledged %d, reminders after acknowledgement %d, due points stopped by one %d")
                .formatted(accepted, refused, unanswered, received, classified, escalated, replied,
                        lostReceived, lostClassified, lostReplied, missingDuePoints,
                        receivedRepeats, unexplainedReceivedRepeats, refusedWritten, refusedDuplicatedDownstream,
                        duplicateClassified, duplicateEscalated, duplicateReplied, duplicateDuePoints, invented,
                        duePoints, acknowledged, remindersAfterAck, stoppedByAck);
    }
}
