package dev.heed.routing.classify;

import java.util.List;
import java.util.Set;

/**
 * Severity from points. Each signal adds points (evidence rule in brackets, decision {@code "severity"}):
 * <table>
 *   <caption>Severity points</caption>
 *   <tr><th>signal</th><th>points</th></tr>
 *   <tr><td>negativity [sentiment]: a complaint (escalated on its probability) or score &le; -0.05 / score &le; -0.6
 *       or a stated harm of strength &ge; 0.8 ("my flight was cancelled") / score &le; -0.85 or harm &ge; 2.5</td>
 *       <td>1 / 2 / 3</td></tr>
 *   <tr><td>capitals [caps]: an ALL-CAPS sentiment word, or a whole message in capitals (not when positive)</td><td>1</td></tr>
 *   <tr><td>exclamation [exclamation]: two or more "!" (not when positive)</td><td>1</td></tr>
 *   <tr><td>waited [wait-duration]: &ge; 1 day / &ge; 7 days / &ge; 30 days (not when positive)</td><td>1 / 2 / 3</td></tr>
 *   <tr><td>repeat contact [repeat-contact]</td><td>2</td></tr>
 *   <tr><td>refund request [intent]</td><td>1</td></tr>
 *   <tr><td>cancellation or churn threat [intent]</td><td>2</td></tr>
 *   <tr><td>legal threat [intent]: also at least HIGH</td><td>3</td></tr>
 *   <tr><td>safety issue [intent]: always CRITICAL</td><td>4</td></tr>
 * </table>
 * Thresholds: 0–1 LOW, 2–3 MEDIUM, 4–5 HIGH, 6 or more CRITICAL. A plainly negative complaint is MEDIUM;
 * one that also shouts, has waited a week, or has written before is HIGH. Stateless.
 */
final class SeverityPolicy {

    static final int MEDIUM_FROM = 2;
    static final int HIGH_FROM = 4;
    static final int CRITICAL_FROM = 6;

    /** What the severity is computed from. */
    record Signals(SentimentLabel sentiment, double score, boolean complaint, double harm, boolean capsEmphasis,
            int exclamations, double waitDays, Set<IntentLabel> intents) {
    }

    /** The outcome. */
    record Assessment(SeverityLabel severity, int points) {
    }

    Assessment assess(Signals s, List<Finding> evidence) {
        int points = negativity(s, evidence);
        if (s.sentiment() != SentimentLabel.POSITIVE) {
            points += add(s.capsEmphasis() ? 1 : 0, "caps", "capitals", evidence);
            // The texts are made only when the signal adds points: most texts have neither.
            if (s.exclamations() >= 2) {
                points += add(1, "exclamation", s.exclamations() + " exclamation marks", evidence);
            }
            int waited = waitPoints(s.waitDays());
            if (waited > 0) {
                points += add(waited, "wait-duration", Math.round(s.waitDays()) + " days", evidence);
            }
        }
        points += intentPoints(s.intents(), evidence);
        return new Assessment(level(points, s.intents()), points);
    }

    static SeverityLabel level(int points, Set<IntentLabel> intents) {
        if (intents.contains(IntentLabel.SAFETY_ISSUE) || points >= CRITICAL_FROM) {
            return SeverityLabel.CRITICAL;
        }
        if (intents.contains(IntentLabel.LEGAL_THREAT) || points >= HIGH_FROM) {
            return SeverityLabel.HIGH;
        }
        return points >= MEDIUM_FROM ? SeverityLabel.MEDIUM : SeverityLabel.LOW;
    }

    private static int negativity(Signals s, List<Finding> evidence) {
        double score = s.score();
        int byScore = score <= -0.85 ? 3 : score <= -0.6 ? 2 : score <= -0.05 || s.complaint() ? 1 : 0;
        int byHarm = s.harm() >= 2.5 ? 3 : s.harm() >= 0.8 ? 2 : 0;
        int points = Math.max(byScore, byHarm);
        if (points == 0) {
            // No evidence: skip formatting a text that would be thrown away.
            return 0;
        }
        String why = byHarm > byScore ? "stated problem " + Decimals.TENTHS.text(Math.round(s.harm() * 10))
                : "score " + Decimals.HUNDREDTHS.text(Math.round(score * 100));
        return add(points, "sentiment", why, evidence);
    }

    static int waitPoints(double days) {
        return days >= 30 ? 3 : days >= 7 ? 2 : days >= 1 ? 1 : 0;
    }

    private static int intentPoints(Set<IntentLabel> intents, List<Finding> evidence) {
        int points = 0;
        points += add(intents.contains(IntentLabel.REPEAT_CONTACT) ? 2 : 0, "repeat-contact", "REPEAT_CONTACT", evidence);
        points += add(intents.contains(IntentLabel.REFUND_REQUEST) ? 1 : 0, "intent", "REFUND_REQUEST", evidence);
        points += add(intents.contains(IntentLabel.CANCELLATION_THREAT) ? 2 : 0, "intent", "CANCELLATION_THREAT", evidence);
        points += add(intents.contains(IntentLabel.LEGAL_THREAT) ? 3 : 0, "intent", "LEGAL_THREAT", evidence);
        points += add(intents.contains(IntentLabel.SAFETY_ISSUE) ? 4 : 0, "intent", "SAFETY_ISSUE", evidence);
        return points;
    }

    private static int add(int points, String rule, String why, List<Finding> evidence) {
        if (points > 0) {
            evidence.add(Finding.untied(rule, "severity", why, points));
        }
        return points;
    }
}
