package dev.heed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.cli.ErasureReport.Hit;
import dev.heed.cli.ErasureReport.Latest;
import dev.heed.cli.ErasureReport.Retention;
import dev.heed.cli.PersonalDataTopics.Entry;
import dev.heed.cli.PersonalDataTopics.Erasure;
import dev.heed.cli.PersonalDataTopics.KeyLayout;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErasureReportTest {
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private static final long WEEK = Duration.ofDays(7).toMillis();
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final Entry RECEIVED = new Entry("feedback.received", "text", Erasure.RETENTION, KeyLayout.PLAIN);
    private static final Entry STATE = new Entry("complaints.state", "ids", Erasure.TOMBSTONE, KeyLayout.PLAIN);
    private static final Entry CLOCKS = new Entry("heed-routing-sla-open-clocks-store-changelog", "clock", Erasure.ROUTING, KeyLayout.PLAIN);

    @Test
    void aDeleteTopicShouldSayWhichRecordsAndWhenRetentionRemovesTheNewest() {
        List<Hit> hits = List.of(hit("fb-1", 2, 7, T, null), hit("fb-2", 0, 3, T.plusSeconds(60), null), hit("fb-1", 2, 4, T, null));
        Retention week = new Retention("delete", WEEK, DAY);

        ObjectNode line = ErasureReport.line(RECEIVED, hits, week, ErasureReport.action(RECEIVED, hits, week, Latest.of(hits), false));

        assertThat(line.path("records").asInt()).isEqualTo(3);
        assertThat(line.path("partitions").toString()).isEqualTo("{\"0\":[3],\"2\":[4,7]}");
        assertThat(line.path("newest").asText()).isEqualTo("2026-03-01T10:01:00Z");
        assertThat(line.path("removedBy").asText()).isEqualTo("2026-03-08T10:01:00Z");
        assertThat(line.path("removedByLatest").asText()).isEqualTo("2026-03-09T10:06:00Z");
        assertThat(line.path("action").asText()).isEqualTo("removed by retention between 2026-03-08T10:01:00Z and 2026-03-09T10:06:00Z");
    }

    @Test
    void retentionShouldNeverRemoveFromACompactedTopicOrWithInfiniteRetention() {
        assertThat(new Retention("compact", WEEK, DAY).removes(T)).isEmpty();
        assertThat(new Retention("delete", -1, DAY).removes(T)).isEmpty();
        assertThat(new Retention("compact, delete", 1000, DAY).removes(T)).contains(T.plusSeconds(1));

        List<Hit> hits = List.of(hit("fb-1", 0, 1, T, null));
        Retention forever = new Retention("delete", -1, DAY);
        ObjectNode line = ErasureReport.line(RECEIVED, hits, forever, ErasureReport.action(RECEIVED, hits, forever, Latest.of(hits), false));
        assertThat(line.path("removedBy").asText()).isEqualTo("never");
        assertThat(line.path("removedByLatest").asText()).isEqualTo("never");
        assertThat(line.path("action").asText()).startsWith("retention never removes these");
    }

    @Test
    void aTopicWithoutTheCustomersRecordsShouldSaySo() {
        Retention week = new Retention("delete", WEEK, DAY);

        ObjectNode line = ErasureReport.line(RECEIVED, List.of(), week, ErasureReport.action(RECEIVED, List.of(), week, Latest.of(List.of()), false));

        assertThat(line.path("records").asInt()).isZero();
        assertThat(line.path("removedBy").isNull()).isTrue();
        assertThat(line.path("action").asText()).isEqualTo("nothing held");
    }

    @Test
    void anAcknowledgedComplaintWithAnUpdatePromisedIsStillOpen() {
        dev.heed.events.ComplaintState acknowledged = state("fb-1", dev.heed.events.ComplaintStatus.ACKNOWLEDGED, null);
        dev.heed.events.ComplaintState promised = state("fb-2", dev.heed.events.ComplaintStatus.ACKNOWLEDGED, T.plusSeconds(3600));

        Latest latest = Latest.of(List.of(hit("fb-1", 0, 1, T, ErasureReport.status(acknowledged)),
                hit("fb-2", 0, 2, T, ErasureReport.status(promised))));

        assertThat(latest.closed()).containsExactly("fb-1");
        assertThat(latest.open()).containsExactly("fb-2");
    }

    private static dev.heed.events.ComplaintState state(String id, dev.heed.events.ComplaintStatus status, Instant nextUpdateBy) {
        dev.heed.events.ComplaintState state = dev.heed.schemas.SampleEvents.state(id);
        state.setStatus(status);
        state.setNextUpdateBy(nextUpdateBy);
        return state;
    }

    @Test
    void aResolvedOrReopenedComplaintIsClosedUnlessAnUpdateIsPromised() {
        dev.heed.events.ComplaintState resolved = state("fb-1", dev.heed.events.ComplaintStatus.RESOLVED, null);
        dev.heed.events.ComplaintState reopened = state("fb-2", dev.heed.events.ComplaintStatus.REOPENED, null);
        dev.heed.events.ComplaintState promised = state("fb-3", dev.heed.events.ComplaintStatus.REOPENED, T.plusSeconds(3600));

        Latest latest = Latest.of(List.of(hit("fb-1", 0, 1, T, ErasureReport.status(resolved)),
                hit("fb-2", 0, 2, T, ErasureReport.status(reopened)), hit("fb-3", 0, 3, T, ErasureReport.status(promised))));

        assertThat(latest.closed()).containsExactly("fb-1", "fb-2");
        assertThat(latest.open()).containsExactly("fb-3");
    }

    @Test
    void onlyClosedComplaintsWhoseLatestStateHasAValueShouldBeTombstoned() {
        List<Hit> hits = List.of(
                hit("closed", 0, 1, T, "OPEN"), hit("closed", 0, 5, T, "ACKNOWLEDGED"),
                hit("open", 1, 2, T, "BREACHED"),
                hit("gone", 2, 3, T, "ACKNOWLEDGED"), new Hit("gone", "gone", 2, 9, T, true, null),
                hit("reopened?", 3, 4, T, "ACKNOWLEDGED"), hit("reopened?", 3, 6, T, "WARNED"));

        Latest latest = Latest.of(hits);

        assertThat(latest.closed()).containsExactly("closed");
        assertThat(latest.open()).containsExactly("open", "reopened?");
        Retention compact = new Retention("compact", WEEK, DAY);
        assertThat(ErasureReport.action(STATE, hits, compact, latest, true))
                .isEqualTo("would write 1 tombstone(s) [closed]; still open, not erased: [open, reopened?] (acknowledge them, or give the update promised, then erase again)");
        assertThat(ErasureReport.action(STATE, hits.subList(0, 2), compact, Latest.of(hits.subList(0, 2)), false))
                .isEqualTo("wrote 1 tombstone(s) [closed]");
    }

    @Test
    void routingChangelogsShouldBeLeftToRoutingAndSayWhetherItHasDeletedTheEntries() {
        List<Hit> live = List.of(hit("fb-1", 0, 1, T, null));
        List<Hit> deleted = List.of(hit("fb-1", 0, 1, T, null), new Hit("fb-1", "fb-1", 0, 2, T, true, null));
        Retention compact = new Retention("compact", WEEK, DAY);

        assertThat(ErasureReport.action(CLOCKS, live, compact, Latest.of(live), false)).startsWith("left to routing").contains("[fb-1]");
        assertThat(ErasureReport.action(CLOCKS, deleted, compact, Latest.of(deleted), false)).startsWith("routing has already deleted");
    }

    @Test
    void aWindowStoresChangelogShouldSayWhenItsRetentionRemovesTheRecords() {
        Entry dedupe = new Entry("heed-routing-feedback-dedupe-store-changelog", "ids", Erasure.ROUTING, KeyLayout.WINDOWED);
        List<Hit> hits = List.of(hit("fb-1", 0, 1, T, null));

        assertThat(ErasureReport.action(dedupe, hits, new Retention("compact,delete", 1000, DAY), Latest.of(hits), false))
                .isEqualTo("left to routing; the store's retention removes these by 2026-03-01T10:00:01Z");
    }

    @Test
    void anIdShouldCountAsLiveWhileAnyOfItsStoreKeysHasAValue() {
        Entry index = new Entry("heed-routing-sla-due-index-store-changelog", "due", Erasure.ROUTING, KeyLayout.DUE_INDEX);
        List<Hit> moved = List.of(new Hit("fb-1", "t1", 0, 1, T, false, null), new Hit("fb-1", "t2", 0, 2, T, false, null),
                new Hit("fb-1", "t1", 0, 3, T, true, null));
        List<Hit> closed = List.of(moved.get(0), moved.get(1), moved.get(2), new Hit("fb-1", "t2", 0, 4, T, true, null));
        Retention compact = new Retention("compact", WEEK, DAY);

        assertThat(Latest.of(moved).liveStatus()).containsOnlyKeys("fb-1");
        assertThat(Latest.of(closed).liveStatus()).isEmpty();
        assertThat(ErasureReport.action(index, closed, compact, Latest.of(closed), false)).startsWith("routing has already deleted");
    }

    @Test
    void theFeedbackIdShouldBeFoundInEveryKeyLayout() {
        byte[] id = "fb-1".getBytes(StandardCharsets.UTF_8);

        assertThat(KeyLayout.PLAIN.id(id)).isEqualTo("fb-1");
        assertThat(KeyLayout.DUE_INDEX.id(ByteBuffer.allocate(8 + id.length).putLong(T.toEpochMilli()).put(id).array())).isEqualTo("fb-1");
        assertThat(KeyLayout.WINDOWED.id(ByteBuffer.allocate(id.length + 12).put(id).putLong(T.toEpochMilli()).putInt(0).array())).isEqualTo("fb-1");
        assertThat(KeyLayout.WINDOWED.id(new byte[5])).isNull();
        assertThat(KeyLayout.PLAIN.id(null)).isNull();
    }

    @Test
    void theCatalogShouldNameRoutingsChangelogsByItsApplicationIdAndEveryTopicWithTheSuffix() {
        List<String> topics = PersonalDataTopics.all(".v2", "heed-routing").stream().map(Entry::topic).toList();

        assertThat(topics).contains("feedback.received.v2", "complaints.state.v2", "routing.dlq.v2", "responder.dlq.v2",
                "heed-routing-sla-open-clocks-store-changelog", "heed-routing-sla-early-acks-kv-store-changelog",
                "heed-routing-sla-resolution-clocks-store-changelog",
                "heed-routing-feedback-dedupe-store-changelog");
        assertThat(PersonalDataTopics.all("", "r").stream().filter(e -> e.erasure() == Erasure.TOMBSTONE).map(Entry::topic))
                .containsExactly("complaints.state");
    }

    private static Hit hit(String id, int partition, long offset, Instant at, String status) {
        return new Hit(id, id, partition, offset, at, false, status);
    }
}
