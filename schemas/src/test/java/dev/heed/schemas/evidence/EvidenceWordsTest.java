package dev.heed.schemas.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.Evidence;
import org.junit.jupiter.api.Test;

class EvidenceWordsTest {

    private static final String TEXT = "Charged twice and still waiting, terrible.";

    @Test
    void wordsThatAreTheSpanOfTheTextMayBeLeftOutAndAreReadBackFromIt() {
        assertThat(EvidenceWords.inText(TEXT, "still waiting", 18, 31)).isTrue();

        assertThat(EvidenceWords.of(TEXT, evidence(null, 18, 31))).isEqualTo("still waiting");
    }

    @Test
    void wordsThatTheSpanDoesNotHoldAreKept() {
        assertThat(EvidenceWords.inText(TEXT, "Still waiting", 18, 31)).as("other case").isFalse();
        assertThat(EvidenceWords.inText(TEXT, "still waiting", 17, 30)).as("shifted, as under a subject").isFalse();
        assertThat(EvidenceWords.inText(TEXT, "terrible.", 33, 43)).as("past the end").isFalse();
        assertThat(EvidenceWords.inText(TEXT, "", 3, 3)).as("empty").isFalse();
        assertThat(EvidenceWords.inText(TEXT, "1 of 5", -1, -1)).as("not tied to the text").isFalse();
        assertThat(EvidenceWords.inText(TEXT, null, 0, 7)).isFalse();
    }

    @Test
    void anEvidenceWithItsOwnTextIsReadAsWrittenAndOneWithNeitherAsNull() {
        assertThat(EvidenceWords.of(TEXT, evidence("1 of 5", -1, -1))).isEqualTo("1 of 5");
        assertThat(EvidenceWords.of(TEXT, evidence("charged", 0, 7))).isEqualTo("charged");
        assertThat(EvidenceWords.of(TEXT, evidence(null, -1, -1))).isNull();
        assertThat(EvidenceWords.of(TEXT, evidence(null, 40, 50))).as("a span past the text").isNull();
    }

    private static Evidence evidence(String text, int start, int end) {
        return Evidence.newBuilder().setRule("rule").setDecision("sentiment").setText(text).setStart(start).setEnd(end).build();
    }
}
