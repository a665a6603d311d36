package dev.heed.responder.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.responder.console.TimelineEntry.Stage;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineIndexTest {
    private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");

    private static TimelineEntry at(long second, Stage stage, String topic, long offset) {
        return new TimelineEntry(T.plusSeconds(second), stage, topic, 0, offset, Map.of());
    }

    @Test
    void shouldOrderALifeByTimeThenStageWhateverTheTopicsWereReadIn() {
        TimelineIndex index = new TimelineIndex(10, 10);
        // The feed reads topics independently: a reply may be read before the feedback it answers.
        index.update("fb", life -> life.add(at(9, Stage.REPLY_SENT, "responses.sent", 0)));
        index.update("fb", life -> life.add(at(5, Stage.REMINDER, "complaints.response-due", 0)));
        index.update("fb", life -> life.add(at(1, Stage.ESCALATED, "complaints.escalated", 0)));
        index.update("fb", life -> life.add(at(1, Stage.CLASSIFIED, "feedback.classified", 0)));
        index.update("fb", life -> life.add(at(0, Stage.RECEIVED, "feedback.received", 0)));
        index.update("fb", life -> life.add(at(5, Stage.REMINDER, "complaints.response-due", 0))); // read twice

        assertThat(index.timeline("fb").orElseThrow()).extracting(TimelineEntry::stage)
                .containsExactly(Stage.RECEIVED, Stage.CLASSIFIED, Stage.ESCALATED, Stage.REMINDER, Stage.REPLY_SENT);
    }

    @Test
    void shouldForgetTheIdSeenFirstWhenFull() {
        TimelineIndex index = new TimelineIndex(2, 10);
        index.update("a", life -> life.add(at(0, Stage.RECEIVED, "t", 0)));
        index.update("b", life -> life.add(at(0, Stage.RECEIVED, "t", 1)));
        index.update("a", life -> life.add(at(1, Stage.CLASSIFIED, "u", 0)));
        index.update("c", life -> life.add(at(0, Stage.RECEIVED, "t", 2)));

        assertThat(index.size()).isEqualTo(2);
        assertThat(index.timeline("a")).isEmpty();
        assertThat(index.timeline("c")).isPresent();
    }

    @Test
    void shouldKeepOnlyTheLatestEventsOfALongLife() {
        TimelineIndex index = new TimelineIndex(10, 3);
        for (int reminder = 1; reminder <= 5; reminder++) {
            long offset = reminder;
            index.update("fb", life -> life.add(at(offset, Stage.REMINDER, "due", offset)));
        }
        assertThat(index.timeline("fb").orElseThrow()).extracting(TimelineEntry::offset).containsExactly(3L, 4L, 5L);
    }

    @Test
    void shouldNameTheIdsThatChangedOnceAndThenSayOnlyThatManyDid() {
        TimelineIndex index = new TimelineIndex(1000, 10);
        assertThat(index.drainChanges()).isEmpty();

        index.update("a", life -> life.add(at(0, Stage.RECEIVED, "t", 0)));
        index.update("b", life -> life.add(at(0, Stage.RECEIVED, "t", 1)));
        index.update("a", life -> life.add(at(1, Stage.CLASSIFIED, "u", 0)));
        TimelineIndex.Changes first = index.drainChanges().orElseThrow();
        assertThat(first.ids()).containsExactly("a", "b");
        assertThat(index.drainChanges()).isEmpty();

        for (int i = 0; i <= TimelineIndex.LISTED_CHANGES; i++) {
            long offset = i;
            index.update("fb-" + i, life -> life.add(at(0, Stage.RECEIVED, "t", offset)));
        }
        TimelineIndex.Changes many = index.drainChanges().orElseThrow();
        assertThat(many.ids()).isNull();
        assertThat(many.version()).isGreaterThan(first.version());
        assertThat(index.drainChanges()).isEmpty();
    }
}
