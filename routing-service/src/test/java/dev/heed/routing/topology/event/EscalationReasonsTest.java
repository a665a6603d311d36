package dev.heed.routing.topology.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.Classification;
import dev.heed.events.Evidence;
import dev.heed.events.Intent;
import dev.heed.events.Sentiment;
import dev.heed.events.Severity;
import dev.heed.schemas.SampleEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationReasonsTest {

    @Test
    void reasonsNameTheSentimentsHeaviestWordsEachIntentAndTheSeverityPoints() {
        Classification classification = Classification.newBuilder(SampleEvents.classification())
                .setSentiment(Sentiment.NEGATIVE)
                .setScore(-0.8)
                .setIntents(List.of(Intent.REFUND_REQUEST))
                .setSeverity(Severity.HIGH)
                .setSeverityPoints(5)
                .setEvidence(List.of(
                        new Evidence("lexicon", "sentiment", "bad", 0, 3, -1.0),
                        new Evidence("phrase:charged twice", "sentiment", "charged twice", 10, 23, -2.5),
                        new Evidence("phrase:nobody answers", "sentiment", "nobody answers", 30, 44, -2.0),
                        new Evidence("lexicon", "sentiment", "slow", 50, 54, -0.5),
                        new Evidence("problem:MONEY", "complaint", "charged twice", 10, 23, 1.4),
                        new Evidence("phrase:i want a refund", "intent:REFUND_REQUEST", "I want a refund", 60, 75, 0.0),
                        new Evidence("language", "triage", "en", -1, -1, 0.9),
                        new Evidence("negativity", "severity", null, -1, -1, 3.0)))
                .build();

        assertThat(EscalationReasons.of(classification, "")).containsExactly(
                "complaint, confidence 0.62 (low: a person should check): \"charged twice\"",
                "sentiment NEGATIVE (-0.80): \"charged twice\", \"nobody answers\", \"bad\"",
                "intent REFUND_REQUEST: \"I want a refund\"",
                "severity HIGH (5 points: negativity)");
    }

    @Test
    void aConfidentComplaintIsNotMarkedLowAndAnOlderClassifierNamesNoConfidence() {
        Classification sure = Classification.newBuilder(SampleEvents.classification()).setConfidence(0.93).build();
        assertThat(EscalationReasons.of(sure, "").get(0)).startsWith("complaint, confidence 0.93").doesNotContain("low");
        Classification old = Classification.newBuilder(SampleEvents.classification()).setConfidence(null).build();
        assertThat(EscalationReasons.of(old, "")).noneMatch(r -> r.startsWith("complaint"));
    }

    @Test
    void wordsCarriedOnlyInTheFeedbackTextAreReadFromIt() {
        Classification classification = Classification.newBuilder(SampleEvents.classification())
                .setEvidence(List.of(
                        new Evidence("phrase:charged twice", "sentiment", null, 0, 13, -2.6),
                        new Evidence("problem:MONEY", "complaint", null, 0, 13, 1.4)))
                .build();

        assertThat(EscalationReasons.of(classification, "Charged twice and still waiting, terrible."))
                .anyMatch(reason -> reason.startsWith("complaint") && reason.endsWith(": \"Charged twice\""))
                .anyMatch(reason -> reason.startsWith("sentiment") && reason.endsWith(": \"Charged twice\""));
    }

    @Test
    void triageIsNamedOnlyWhenTheTextCouldNotBeJudged() {
        Classification classification = Classification.newBuilder(SampleEvents.classification())
                .setTriage(true)
                .setIntents(List.of())
                .setEvidence(List.of(new Evidence("language", "triage", "de", -1, -1, 1.0)))
                .build();

        assertThat(EscalationReasons.of(classification, "")).first().isEqualTo("needs human triage: language de");
    }

    @Test
    void theHeaviestDifferentWordsComeFirstAndEqualWeightsKeepTheirOrder() {
        Classification classification = Classification.newBuilder(SampleEvents.classification())
                .setEvidence(List.of(
                        new Evidence("lexicon", "sentiment", "slow", 0, 4, -0.5),
                        new Evidence("lexicon", "sentiment", "rude", 5, 9, -1.5),
                        new Evidence("lexicon", "sentiment", "late", 10, 14, -1.5),
                        new Evidence("phrase:rude", "sentiment", "rude", 5, 9, 2.0),
                        new Evidence("lexicon", "sentiment", "awful", 15, 20, -1.0),
                        new Evidence("lexicon", "sentiment", "meh", -1, -1, -0.1)))
                .build();

        assertThat(EscalationReasons.of(classification, "")).anyMatch(r -> r.endsWith("): \"rude\", \"late\", \"awful\""));
    }

    @Test
    void twoDecimalsAreWrittenAsJavasFormatterWritesThem() {
        java.util.Random random = new java.util.Random(7);
        List<Double> values = new java.util.ArrayList<>(List.of(0.0, -0.0, -0.001, -0.004999, 0.005, 0.015, 0.125, 0.285,
                1.005, -1.005, 0.7, 0.995, -0.995, 1e-9, -1e-9, 123456.785, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 9.999999e6));
        for (int k = -20_000; k <= 20_000; k++) {
            double x = k / 10_000.0;
            values.add(x);
            values.add(Math.nextUp(x));
            values.add(Math.nextDown(x));
        }
        for (int k = 0; k < 20_000; k++) {
            values.add(random.nextDouble() * 4 - 2);
            values.add(Math.round(random.nextDouble() * 2000 - 1000) / 1000.0);
        }

        for (double x : values) {
            assertThat(EscalationReasons.hundredths(x)).as("%s", x).isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", x));
        }
    }
}
