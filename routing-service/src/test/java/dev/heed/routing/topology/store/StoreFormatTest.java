package dev.heed.routing.topology.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.events.Severity;
import dev.heed.routing.reply.CustomerReply;
import dev.heed.routing.reply.Replies;
import dev.heed.routing.sla.BusinessCalendar;
import dev.heed.routing.sla.Level;
import dev.heed.routing.sla.Pause;
import dev.heed.routing.sla.PromiseLedger;
import dev.heed.routing.sla.Resolution;
import dev.heed.routing.sla.ResolutionClock;
import dev.heed.routing.sla.ResolutionTarget;
import dev.heed.routing.sla.SlaClock;
import dev.heed.routing.sla.SlaPolicy;
import dev.heed.routing.verdict.CustomerVerdict;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

class StoreFormatTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void anOpenComplaintSurvivesTheStoreFormatWithItsPolicyWhole() {
        SlaPolicy policy = new SlaPolicy("vip", 4, Duration.ofMinutes(20), List.of(0.3, 0.9), Duration.ofMinutes(7), 3);
        SlaClock clock = SlaClock.start("c-é", policy, T0).catchUp(T0.plus(Duration.ofHours(1))).clock();
        OpenComplaint open = new OpenComplaint(clock, T0.plusSeconds(40), Severity.CRITICAL, "billing", null);

        assertThat(OpenComplaintSerde.read(OpenComplaintSerde.write(open))).isEqualTo(open);
        assertThat(OpenComplaintSerde.read(OpenComplaintSerde.write(open.withClock(SlaClock.start("x", policy, T0)))).clock()
                .lastReminderAt()).isNull();
    }

    @Test
    void anAcknowledgedComplaintSurvivesTheStoreFormatWithItsLedgerAndOpenPromise() {
        SlaPolicy policy = new SlaPolicy("vip", 4, Duration.ofMinutes(20), List.of(0.3, 0.9), Duration.ofMinutes(7), 3);
        SlaClock stopped = SlaClock.start("c-é", policy, T0).catchUp(T0.plus(Duration.ofMinutes(30))).clock();
        OpenComplaint complaint = new OpenComplaint(stopped, T0.plusSeconds(40), Severity.CRITICAL, "billing", "trace");
        Instant acked = T0.plus(Duration.ofMinutes(31));
        PromiseLedger ledger = PromiseLedger.after(stopped, "ack-1")
                .promise("ack-1", policy, acked, acked.plus(Duration.ofHours(1)), acked).ledger()
                .catchUp(acked.plus(Duration.ofHours(2)), acked.plus(Duration.ofHours(2))).ledger();
        AcknowledgedComplaint value = new AcknowledgedComplaint(complaint, new EarlyAck(acked, "ana"), ledger, acked.toEpochMilli());

        assertThat(ledger.open().sent()).isGreaterThan(2);
        assertThat(AcknowledgedComplaintSerde.read(AcknowledgedComplaintSerde.write(value))).isEqualTo(value);
        AcknowledgedComplaint idle = value.with(PromiseLedger.after(stopped, null));
        assertThat(AcknowledgedComplaintSerde.read(AcknowledgedComplaintSerde.write(idle))).isEqualTo(idle);
        AcknowledgedComplaint resolved = idle.with(Resolution.NONE.resolve(acked.plusSeconds(90), "bé").reopen()
                .resolve(acked.plusSeconds(300), "ana"));
        assertThat(resolved.resolution()).extracting(Resolution::resolutions, Resolution::reopenings).containsExactly(2, 1);
        assertThat(AcknowledgedComplaintSerde.read(AcknowledgedComplaintSerde.write(resolved))).isEqualTo(resolved);
        AcknowledgedComplaint reopened = resolved.with(resolved.resolution().reopen());
        assertThat(AcknowledgedComplaintSerde.read(AcknowledgedComplaintSerde.write(reopened))).isEqualTo(reopened);
    }

    @Test
    void anAcknowledgedComplaintStoredInFormatTwoReadsAsNeverResolved() {
        SlaPolicy policy = new SlaPolicy("vip", 4, Duration.ofMinutes(20), List.of(0.3, 0.9), Duration.ofMinutes(7), 3);
        SlaClock stopped = SlaClock.start("c-2", policy, T0).catchUp(T0.plus(Duration.ofMinutes(30))).clock();
        OpenComplaint complaint = new OpenComplaint(stopped, T0.plusSeconds(40), Severity.CRITICAL, "billing", "trace");
        Instant acked = T0.plus(Duration.ofMinutes(31));
        AcknowledgedComplaint value = new AcknowledgedComplaint(complaint, new EarlyAck(acked, "ana"),
                PromiseLedger.after(stopped, "ack-1").promise("ack-1", policy, acked, acked.plus(Duration.ofHours(1)), acked).ledger(),
                acked.toEpochMilli());
        byte[] six = AcknowledgedComplaintSerde.write(value);
        // Format 5 is format 6 without the automatic close (one byte: no) and the wait's start (none when not on hold);
        // format 4 is format 5 without the pause (13 bytes: no wait, no time, no pause); format 3 is format 4 without the
        // verdict (one byte: none); format 2 is format 3 without the resolution: no time (8 bytes), no agent, two counts
        // (4 bytes each).
        byte[] two = java.util.Arrays.copyOf(six, six.length - 1 - 13 - 17);
        two[0] = 2;

        assertThat(six[0]).isEqualTo((byte) 6);
        assertThat(AcknowledgedComplaintSerde.read(two)).isEqualTo(value);
        assertThat(AcknowledgedComplaintSerde.read(two).resolution()).isEqualTo(Resolution.NONE);
    }

    @Test
    void aCustomersVerdictSurvivesTheStoreFormatAndOneStoredInFormatThreeReadsAsNone() {
        SlaPolicy policy = new SlaPolicy("vip", 4, Duration.ofMinutes(20), List.of(0.3, 0.9), Duration.ofMinutes(7), 3);
        SlaClock stopped = SlaClock.start("c-3", policy, T0).catchUp(T0.plus(Duration.ofMinutes(30))).clock();
        OpenComplaint complaint = new OpenComplaint(stopped, T0.plusSeconds(40), Severity.CRITICAL, "billing", "trace");
        Instant acked = T0.plus(Duration.ofMinutes(31));
        AcknowledgedComplaint resolved = new AcknowledgedComplaint(complaint, new EarlyAck(acked, "ana"), PromiseLedger.after(stopped, "ack-1"),
                acked.toEpochMilli()).with(Resolution.NONE.resolve(acked.plusSeconds(60), "ana"));
        byte[] withoutVerdict = AcknowledgedComplaintSerde.write(resolved);
        byte[] three = java.util.Arrays.copyOf(withoutVerdict, withoutVerdict.length - 1 - 13 - 1); // no verdict (1 byte), no pause (13), format 6's byte
        three[0] = 3;
        AcknowledgedComplaint answered = resolved.with(new CustomerVerdict(2, true, "verdict-é", "r-1", acked.plusSeconds(600)),
                acked.plusSeconds(601).toEpochMilli());

        assertThat(AcknowledgedComplaintSerde.read(AcknowledgedComplaintSerde.write(answered))).isEqualTo(answered);
        assertThat(AcknowledgedComplaintSerde.read(three)).isEqualTo(resolved);
        assertThat(AcknowledgedComplaintSerde.read(three).verdict()).isNull();
        // Each store evolves on its own: this store's format 4 holds the complaint in the open-clock store's format 5.
        SlaPolicy resolving = policy.resolving(new ResolutionTarget(Duration.ofDays(3), List.of(0.5), Duration.ofHours(6)));
        AcknowledgedComplaint withTarget = new AcknowledgedComplaint(complaint.withClock(SlaClock.start("c-3", resolving, T0)), answered.ack(),
                answered.ledger(), answered.lastEventAt(), answered.resolution(), answered.verdict());
        assertThat(AcknowledgedComplaintSerde.read(AcknowledgedComplaintSerde.write(withTarget))).isEqualTo(withTarget);
        assertThat(AcknowledgedComplaintSerde.read(AcknowledgedComplaintSerde.write(withTarget)).complaint().clock().policy().resolution()
                .target()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void aPauseSurvivesTheStoreFormatAndAComplaintStoredInFormatFourWasNeverPaused() {
        SlaPolicy policy = new SlaPolicy("vip", 4, Duration.ofMinutes(20), List.of(0.3, 0.9), Duration.ofMinutes(7), 3);
        SlaClock stopped = SlaClock.start("c-4", policy, T0);
        OpenComplaint complaint = new OpenComplaint(stopped, T0.plusSeconds(40), Severity.HIGH, "billing", null);
        AcknowledgedComplaint acked = new AcknowledgedComplaint(complaint, new EarlyAck(T0.plusSeconds(60), "ana"),
                PromiseLedger.after(stopped, "ack-1"), T0.plusSeconds(60).toEpochMilli());
        AcknowledgedComplaint waiting = acked.with(Pause.NONE.begin(Pause.Wait.THIRD_PARTY, T0.plusSeconds(120)));
        AcknowledgedComplaint resumed = waiting.with(waiting.pause().end(T0.plusSeconds(180)));
        byte[] six = AcknowledgedComplaintSerde.write(acked);
        // Format 6 not on hold ends with one byte (not closed automatically); before it, format 5 without a pause ends with
        // -1 (no wait), 0 ms and 0 pauses: 13 bytes.
        byte[] four = java.util.Arrays.copyOf(six, six.length - 1 - 13);
        four[0] = 4;

        assertThat(AcknowledgedComplaintSerde.read(AcknowledgedComplaintSerde.write(waiting))).isEqualTo(waiting);
        assertThat(AcknowledgedComplaintSerde.read(AcknowledgedComplaintSerde.write(resumed))).isEqualTo(resumed);
        assertThat(resumed.pause()).isEqualTo(new Pause(null, null, 60_000, 1));
        assertThat(AcknowledgedComplaintSerde.read(four)).isEqualTo(acked);
        assertThat(AcknowledgedComplaintSerde.read(four).pause()).isEqualTo(Pause.NONE);
    }

    @Test
    void aComplaintsRepliesSurviveTheStoreFormatWithAndWithoutALastReply() {
        Replies none = Replies.indexed(List.of("ref:" + "a".repeat(64), "ref:" + "b".repeat(64)));
        Replies two = none.with(new CustomerReply("r-1", Instant.parse("2026-03-02T09:00:00.123Z"), true))
                .with(new CustomerReply("r-2", Instant.parse("2026-03-02T10:00:00Z"), false));

        assertThat(RepliesSerde.read(RepliesSerde.write(none))).isEqualTo(none);
        assertThat(RepliesSerde.read(RepliesSerde.write(two))).isEqualTo(two);
        assertThat(RepliesSerde.read(RepliesSerde.write(Replies.indexed(List.of())))).isEqualTo(Replies.indexed(List.of()));
        assertThatThrownBy(() -> RepliesSerde.read(new byte[] {9})).isInstanceOf(SerializationException.class);
    }

    @Test
    void aClockInBusinessHoursKeepsItsCalendarWholeThroughTheStore() {
        BusinessCalendar office = BusinessCalendar.parse("office-berlin", java.time.ZoneId.of("Europe/Berlin"),
                "Mon-Fri 09:00-12:30, Mon-Fri 13:30-17:00, Sat 10:00-24:00", List.of("2026-12-25", "2027-01-01"));
        SlaPolicy policy = new SlaPolicy("vip", 4, Duration.ofHours(4), List.of(0.5), Duration.ofHours(2), 2).in(office);
        OpenComplaint open = new OpenComplaint(SlaClock.start("c-1", policy, T0), T0, Severity.HIGH, "billing", "t");

        OpenComplaint read = OpenComplaintSerde.read(OpenComplaintSerde.write(open));

        assertThat(read).isEqualTo(open);
        assertThat(read.clock().breachAt()).isEqualTo(open.clock().breachAt());
        // Elapsed-time policies carry their calendar as one byte.
        SlaPolicy always = new SlaPolicy("vip", 4, Duration.ofHours(4), List.of(0.5), Duration.ofHours(2), 2);
        byte[] plain = OpenComplaintSerde.write(open.withClock(SlaClock.start("c-1", always, T0)));
        assertThat(OpenComplaintSerde.read(plain).clock().policy().calendar()).isSameAs(BusinessCalendar.ALWAYS);
        assertThat(OpenComplaintSerde.write(open).length).isGreaterThan(plain.length + 40);
    }

    @Test
    void aClockStoredInFormatThreeCountsItsNextRepeatFromItsStartAndFallsDueWhereFormatFourSays() {
        BusinessCalendar office = BusinessCalendar.parse("office", java.time.ZoneId.of("Europe/Berlin"), "Mon-Fri 09:00-17:00",
                List.of("2026-03-06"));
        SlaPolicy policy = new SlaPolicy("vip", 4, Duration.ofHours(4), List.of(0.5), Duration.ofHours(1), 2).in(office);
        SlaClock clock = SlaClock.start("c-1", policy, T0).catchUp(T0.plus(Duration.ofDays(9))).clock();
        OpenComplaint open = new OpenComplaint(clock, T0, Severity.HIGH, "billing", null);
        byte[] six = OpenComplaintSerde.write(open);
        // Format 5 is format 6 without its last field, the auto-close (8 bytes); format 4 is format 5 without its last
        // field, the resolution target (one byte: none); format 3 is format 4 without the last point's due time.
        byte[] four = java.util.Arrays.copyOf(six, six.length - Long.BYTES - 1);
        four[0] = 4;
        byte[] three = java.util.Arrays.copyOf(four, four.length - Long.BYTES);
        three[0] = 3;

        SlaClock fromFour = OpenComplaintSerde.read(four).clock();
        SlaClock fromThree = OpenComplaintSerde.read(three).clock();

        assertThat(fromFour.lastDueAt()).isEqualTo(clock.dueAt(clock.remindersSent())).isNotNull();
        assertThat(fromThree.lastDueAt()).isNull();
        assertThat(fromThree.nextDueAt()).isEqualTo(fromFour.nextDueAt()).isEqualTo(clock.dueAt(clock.remindersSent() + 1));
        assertThat(fromThree.catchUp(fromFour.nextDueAt()).clock()).isEqualTo(fromFour.catchUp(fromFour.nextDueAt()).clock());
    }

    @Test
    void anOpenComplaintKeepsItsResolutionTargetThroughTheStoreAndOneStoredInFormatFourHasNone() {
        SlaPolicy policy = new SlaPolicy("vip", 4, Duration.ofMinutes(20), List.of(0.3), Duration.ofMinutes(7), 3)
                .resolving(new ResolutionTarget(Duration.ofDays(3), List.of(0.9), Duration.ofHours(6)));
        OpenComplaint open = new OpenComplaint(SlaClock.start("c-1", policy, T0), T0, Severity.HIGH, "billing", null);
        byte[] five = OpenComplaintSerde.write(open);
        OpenComplaint without = open.withClock(SlaClock.start("c-1", policy.resolving(null), T0));
        byte[] four = OpenComplaintSerde.write(without);
        four = java.util.Arrays.copyOf(four, four.length - Long.BYTES - 1); // no auto-close (format 6), no target (format 5)
        four[0] = 4;

        assertThat(OpenComplaintSerde.read(five)).isEqualTo(open);
        assertThat(OpenComplaintSerde.read(five).clock().policy().resolution().target()).isEqualTo(Duration.ofDays(3));
        assertThat(OpenComplaintSerde.read(four)).isEqualTo(without);
        assertThat(OpenComplaintSerde.read(four).clock().policy().resolution()).isNull();
    }

    @Test
    void aResolutionClockSurvivesTheStoreRunningInBusinessHoursAndStoppedAfterAReopening() {
        BusinessCalendar office = BusinessCalendar.parse("office", java.time.ZoneId.of("Europe/Berlin"), "Mon-Fri 09:00-17:00",
                List.of("2026-03-06"));
        SlaPolicy policy = new SlaPolicy("vip", 4, Duration.ofHours(1), List.of(), Duration.ofHours(1), 2).in(office)
                .resolving(new ResolutionTarget(Duration.ofHours(16), List.of(0.5), Duration.ofHours(2)));
        ResolutionClock running = ResolutionClock.start("c-é", policy, T0).catchUp(T0.plus(Duration.ofDays(4)), 5).clock();
        ResolutionClock reopened = running.resolve(T0.plus(Duration.ofDays(5)), T0.plus(Duration.ofDays(5)), 5).clock()
                .reopen(T0.plus(Duration.ofDays(6)));
        ResolutionClock stopped = reopened.catchUp(T0.plus(Duration.ofDays(7)), 5).clock().resolve(T0.plus(Duration.ofDays(8)),
                T0.plus(Duration.ofDays(8)), 5).clock();

        ResolutionClock paused = reopened.pause(T0.plus(Duration.ofDays(6)).plusSeconds(5), T0.plus(Duration.ofDays(7)), 5).clock();
        assertThat(paused.paused()).isTrue();
        byte[] two = ResolutionClockSerde.write(running);
        byte[] one = java.util.Arrays.copyOf(two, two.length - 8);
        one[0] = 1;
        assertThat(ResolutionClockSerde.read(one)).as("format 1: never paused").isEqualTo(running);
        for (ResolutionClock clock : List.of(running, reopened, stopped, paused)) {
            ResolutionClock read = ResolutionClockSerde.read(ResolutionClockSerde.write(clock));
            assertThat(read).isEqualTo(clock);
            assertThat(read.run().policy().calendar()).isEqualTo(office);
        }
        assertThat(running.breached()).isTrue();
        assertThat(stopped).extracting(ResolutionClock::running, ResolutionClock::earlierBreaches).containsExactly(false, 1);
        assertThat(stopped.earlierPoints()).isEqualTo(running.pointsSent()).isPositive();
    }

    @Test
    void anOpenComplaintStoredInFormatTwoRunsAllTheTime() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(2);
            out.writeUTF("c-2");
            out.writeUTF("vip");
            out.writeInt(4);
            out.writeLong(Duration.ofMinutes(20).toMillis());
            out.writeByte(0);
            out.writeLong(Duration.ofMinutes(7).toMillis());
            out.writeInt(3);
            out.writeLong(T0.toEpochMilli());
            out.writeInt(0);
            out.writeByte(0);
            out.writeLong(-1);
            out.writeUTF("LOW");
            out.writeUTF("general");
            out.writeUTF("");
            out.writeLong(T0.plusSeconds(3).toEpochMilli());
        }

        OpenComplaint open = OpenComplaintSerde.read(bytes.toByteArray());

        assertThat(open.clock().policy().calendar()).isSameAs(BusinessCalendar.ALWAYS);
        assertThat(open.clock().breachAt()).isEqualTo(T0.plus(Duration.ofMinutes(20)));
        assertThat(open.escalatedAt()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void anOpenComplaintStoredInFormatOneIsReadWithItsClockStartAsItsEscalationTime() throws IOException {
        // Format 1, as routing wrote it before escalatedAt was kept apart from the clock's start (they were equal).
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeUTF("c-1");
            out.writeUTF("vip");
            out.writeInt(4);
            out.writeLong(Duration.ofMinutes(20).toMillis());
            out.writeByte(1);
            out.writeDouble(0.5);
            out.writeLong(Duration.ofMinutes(7).toMillis());
            out.writeInt(3);
            out.writeLong(T0.toEpochMilli());
            out.writeInt(1);
            out.writeByte(0);
            out.writeLong(T0.plus(Duration.ofMinutes(10)).toEpochMilli());
            out.writeUTF("HIGH");
            out.writeUTF("billing");
            out.writeUTF("trace-1");
        }

        OpenComplaint open = OpenComplaintSerde.read(bytes.toByteArray());

        assertThat(open.clock()).isEqualTo(new SlaClock("c-1", new SlaPolicy("vip", 4, Duration.ofMinutes(20), List.of(0.5),
                Duration.ofMinutes(7), 3), T0, 1, Level.AGENT, T0.plus(Duration.ofMinutes(10))));
        assertThat(open.escalatedAt()).isEqualTo(T0);
        assertThat(open.severity()).isEqualTo(Severity.HIGH);
        assertThat(open.queue()).isEqualTo("billing");
        assertThat(open.traceId()).isEqualTo("trace-1");
    }

    @Test
    void anOpenComplaintKeepsItsAutoCloseThroughTheStoreAndOneStoredInFormatFiveHasNone() {
        SlaPolicy policy = new SlaPolicy("vip", 4, Duration.ofMinutes(20), List.of(0.3), Duration.ofMinutes(7), 3)
                .closingAfter(Duration.ofDays(7));
        OpenComplaint open = new OpenComplaint(SlaClock.start("c-1", policy, T0), T0, Severity.HIGH, "billing", null);
        byte[] six = OpenComplaintSerde.write(open);
        byte[] five = java.util.Arrays.copyOf(six, six.length - Long.BYTES);
        five[0] = 5;

        assertThat(OpenComplaintSerde.read(six)).isEqualTo(open);
        assertThat(OpenComplaintSerde.read(six).clock().policy().autoClose()).isEqualTo(Duration.ofDays(7));
        assertThat(OpenComplaintSerde.read(five).clock().policy()).isEqualTo(policy.closingAfter(null));
    }

    @Test
    void anAutomaticCloseAndASwitchedWaitSurviveTheStoreAndAPauseStoredInFormatFiveWaitsSinceItBegan() {
        SlaPolicy policy = new SlaPolicy("vip", 4, Duration.ofMinutes(20), List.of(0.3), Duration.ofMinutes(7), 3)
                .closingAfter(Duration.ofDays(7));
        SlaClock stopped = SlaClock.start("c-5", policy, T0);
        OpenComplaint complaint = new OpenComplaint(stopped, T0.plusSeconds(40), Severity.HIGH, "billing", null);
        AcknowledgedComplaint acked = new AcknowledgedComplaint(complaint, new EarlyAck(T0.plusSeconds(60), "ana"),
                PromiseLedger.after(stopped, "ack-1"), T0.plusSeconds(60).toEpochMilli());
        AcknowledgedComplaint switched = acked.with(Pause.NONE.begin(Pause.Wait.THIRD_PARTY, T0.plusSeconds(120))
                .begin(Pause.Wait.CUSTOMER, T0.plusSeconds(600)));
        AcknowledgedComplaint closed = switched.with(Resolution.NONE.closeAutomatically(T0.plus(Duration.ofDays(8)), "heed-routing"))
                .with(switched.pause().end(T0.plus(Duration.ofDays(8))));
        byte[] six = AcknowledgedComplaintSerde.write(switched);
        // Format 5 is format 6 without its last fields: not closed automatically (one byte) and the wait's start (8 bytes).
        byte[] five = java.util.Arrays.copyOf(six, six.length - 1 - Long.BYTES);
        five[0] = 5;

        assertThat(switched.pause().waitingSince()).isEqualTo(T0.plusSeconds(600));
        assertThat(AcknowledgedComplaintSerde.read(six)).isEqualTo(switched);
        assertThat(AcknowledgedComplaintSerde.read(AcknowledgedComplaintSerde.write(closed))).isEqualTo(closed);
        assertThat(AcknowledgedComplaintSerde.read(AcknowledgedComplaintSerde.write(closed)).resolution().automatic()).isTrue();
        assertThat(AcknowledgedComplaintSerde.read(five).pause()).isEqualTo(new Pause(Pause.Wait.CUSTOMER, T0.plusSeconds(120), 0, 1));
        assertThat(AcknowledgedComplaintSerde.read(five).pause().waitingSince()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void indexKeysSortByDueTimeThenIdAndTheUpperBoundCoversExactlyWhatIsDue() {
        Bytes early = DueIndexKey.of(T0, "zzz");
        Bytes later = DueIndexKey.of(T0.plusMillis(1), "aaa");
        Bytes bound = DueIndexKey.lastDueAt(T0);

        assertThat(early.compareTo(later)).isNegative();
        assertThat(early.compareTo(bound)).isNegative();
        assertThat(bound.compareTo(later)).isNegative();
        assertThat(DueIndexKey.first().compareTo(early)).isNegative();
        assertThat(DueIndexKey.complaintId(later)).isEqualTo("aaa");
    }

    @Test
    void anEarlyAcknowledgementKeepsItsIdAndPromiseThroughTheStoreAndOneStoredBeforeStillReads() {
        var serde = EarlyAcks.Remembered.serde();
        EarlyAcks.Remembered kept = new EarlyAcks.Remembered(1_000, new EarlyAck(Instant.parse("2026-12-07T10:00:00Z"),
                "ana maría ✓", "ack 7", Instant.parse("2026-12-07T14:00:00Z")));
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", kept))).isEqualTo(kept);

        EarlyAcks.Remembered unpromised = new EarlyAcks.Remembered(2_000, new EarlyAck(Instant.parse("2026-12-07T10:00:00Z"), "bo"));
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", unpromised))).isEqualTo(unpromised);

        // The first format, as a changelog written before 2026-12-07 holds it.
        byte[] before = "3000 1765101600000 carla de la cruz".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(serde.deserializer().deserialize("t", before)).isEqualTo(new EarlyAcks.Remembered(3000,
                new EarlyAck(Instant.ofEpochMilli(1765101600000L), "carla de la cruz")));
    }

    @Test
    void anAcknowledgedComplaintStoredInFormatOneStillReadsWithItsLastEventId() throws IOException {
        SlaPolicy policy = SlaPolicy.of("high", 1, Duration.ofMinutes(30));
        SlaClock stopped = SlaClock.start("c-1", policy, T0).catchUp(T0.plus(Duration.ofMinutes(5))).clock();
        OpenComplaint complaint = new OpenComplaint(stopped, T0.plusSeconds(40), Severity.HIGH, "billing", "trace");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            byte[] c = OpenComplaintSerde.write(complaint);
            out.writeInt(c.length);
            out.write(c);
            out.writeLong(T0.plusSeconds(300).toEpochMilli());
            out.writeUTF("ana");
            out.writeLong(T0.plusSeconds(300).toEpochMilli());
            for (int n : new int[] {1, 1, 0, 0, 0}) {
                out.writeInt(n);
            }
            out.writeByte(Level.AGENT.ordinal());
            out.writeLong(-1);
            out.writeUTF("u-7");
            out.writeBoolean(false);
        }
        AcknowledgedComplaint read = AcknowledgedComplaintSerde.read(bytes.toByteArray());

        assertThat(read.ledger().appliedIds()).containsExactly("u-7");
        assertThat(read.ledger()).extracting(PromiseLedger::made, PromiseLedger::kept, PromiseLedger::open).containsExactly(1, 1, null);
        assertThat(AcknowledgedComplaintSerde.read(AcknowledgedComplaintSerde.write(read))).isEqualTo(read);
    }
}
