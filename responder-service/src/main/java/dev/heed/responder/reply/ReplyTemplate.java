package dev.heed.responder.reply;

import dev.heed.events.Classification;
import dev.heed.events.Intent;
import dev.heed.events.Sentiment;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which reply a customer gets. The order of the rules is the policy: a complaint a person must own is
 * answered as a complaint whatever else it says; a suggestion or a question is "we heard you" even when
 * phrased kindly; praise is thanked; everything else is acknowledged as noted, with no promise of a
 * personal answer, because no policy stands behind one.
 */
public enum ReplyTemplate {
    /** Escalated, with the first-response due time from its policy. */
    COMPLAINT_ACK("complaint-ack"),
    /** Escalated, but its escalation (and so its due time) could not be found in time: no time is promised. */
    COMPLAINT_RECEIVED("complaint-received"),
    SUGGESTION_HEARD("suggestion-heard"),
    QUESTION_HEARD("question-heard"),
    PRAISE_THANKS("praise-thanks"),
    FEEDBACK_NOTED("feedback-noted");

    private final String templateName;

    ReplyTemplate(String templateName) {
        this.templateName = templateName;
    }

    public String templateName() {
        return templateName;
    }

    /** @param dueTimeKnown whether the complaint's escalation, with its due time, is known */
    public static ReplyTemplate choose(Classification classification, boolean dueTimeKnown) {
        if (classification.getEscalate()) {
            return dueTimeKnown ? COMPLAINT_ACK : COMPLAINT_RECEIVED;
        }
        List<Intent> intents = classification.getIntents();
        if (intents.contains(Intent.SUGGESTION)) {
            return SUGGESTION_HEARD;
        }
        if (intents.contains(Intent.QUESTION)) {
            return QUESTION_HEARD;
        }
        if (intents.contains(Intent.PRAISE) || classification.getSentiment() == Sentiment.POSITIVE) {
            return PRAISE_THANKS;
        }
        return FEEDBACK_NOTED;
    }

    /**
     * The language of a complaint's reply from its recorded template ({@code complaint-ack/de} → {@code de}); empty
     * for any other reply, which has no later updates.
     */
    public static Optional<String> complaintReplyLanguage(String recordedTemplate) {
        int slash = recordedTemplate == null ? -1 : recordedTemplate.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String name = recordedTemplate.substring(0, slash);
        boolean complaint = name.equals(COMPLAINT_ACK.templateName) || name.equals(COMPLAINT_RECEIVED.templateName);
        return complaint && slash + 1 < recordedTemplate.length() ? Optional.of(recordedTemplate.substring(slash + 1)) : Optional.empty();
    }

    public static List<String> allNames() {
        return Arrays.stream(values()).map(ReplyTemplate::templateName).toList();
    }
}
