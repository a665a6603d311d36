package dev.heed.routing.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.DueKind;
import dev.heed.events.ResponseDue;
import dev.heed.routing.sla.PolicyBook;
import dev.heed.routing.sla.PolicyBookFormat;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clocks that count business hours, through the topology with the wall clock moved by hand: a promise of 4
 * business hours made late on a Friday falls due on Monday, the weekend of a DST change in Berlin (clocks go
 * forward) and in New York (clocks go back) moves the UTC instant by the change, and a holiday is skipped.
 */
class BusinessHoursTopologyTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String CALENDARS = "berlin: zone=Europe/Berlin hours=Mon-Fri/09:00-17:00 holidays=2026-12-25;"
            + "new-york: zone=America/New_York hours=Mon-Fri/09:00-17:00";
    // HIGH counts in Berlin's hours, MEDIUM in New York's: a warning at 2, the breach at 4, repeats every 2 business hours.
    private static final PolicyBook POLICIES = PolicyBookFormat.parse(
            "berlin-desk: severity=HIGH target=4h warn=0.5 repeat=2h calendar=berlin;"
                    + "new-york-desk: severity=MEDIUM target=4h warn=0.5 repeat=2h calendar=new-york",
            PolicyBookFormat.calendars(CALENDARS));

    @TempDir
    Path stateDir;

    private static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    @Test
    void aFridayAfternoonComplaintFallsDueOnMondayAfterBerlinsClocksWentForward() {
        Instant received = local("2026-03-27T16:00", BERLIN); // Friday, CET (UTC+1)
        try (RoutingDriver routing = new RoutingDriver(stateDir, POLICIES, received)) {
            routing.sendFeedback("berlin-1", "charged twice HIGH", received);

            // One hour on Friday, then Monday 30 March from 09:00 CEST (UTC+2): the UTC instants are an hour earlier
            // than a fixed offset would give.
            assertThat(routing.escalated.readValue().getFirstResponseDueAt()).isEqualTo(Instant.parse("2026-03-30T10:00:00Z"));
            expect(routing, Instant.parse("2026-03-30T08:00:00Z"), DueKind.WARNING, 1);
            expect(routing, Instant.parse("2026-03-30T10:00:00Z"), DueKind.BREACH, 2);
            // Two business hours after the breach: 12:00 to 14:00 CEST on Monday.
            expect(routing, Instant.parse("2026-03-30T12:00:00Z"), DueKind.REPEAT, 3);
            expect(routing, Instant.parse("2026-03-30T14:00:00Z"), DueKind.REPEAT, 4);
            // Six business hours after the breach: five to Monday's 17:00, one on Tuesday: 10:00 CEST. Nothing at night.
            expect(routing, Instant.parse("2026-03-31T08:00:00Z"), DueKind.REPEAT, 5);
        }
    }

    @Test
    void aFridayAfternoonComplaintFallsDueOnMondayAfterNewYorksClocksWentBack() {
        Instant received = local("2026-10-30T16:00", NEW_YORK); // Friday, EDT (UTC-4)
        try (RoutingDriver routing = new RoutingDriver(stateDir, POLICIES, received)) {
            routing.sendFeedback("ny-1", "parcel lost MEDIUM", received);

            // Monday 2 November from 09:00 EST (UTC-5): 10:00 EST is 15:00 UTC, 12:00 EST is 17:00 UTC.
            assertThat(routing.escalated.readValue().getFirstResponseDueAt()).isEqualTo(Instant.parse("2026-11-02T17:00:00Z"));
            expect(routing, Instant.parse("2026-11-02T15:00:00Z"), DueKind.WARNING, 1);
            expect(routing, Instant.parse("2026-11-02T17:00:00Z"), DueKind.BREACH, 2);
        }
    }

    @Test
    void aHolidayIsSkippedAndNothingFallsDueWhileTheOfficeIsClosed() {
        Instant received = local("2026-12-24T16:00", BERLIN); // Thursday; Friday 25 December is a holiday
        try (RoutingDriver routing = new RoutingDriver(stateDir, POLICIES, received)) {
            routing.sendFeedback("berlin-2", "refund refused HIGH", received);

            assertThat(routing.escalated.readValue().getFirstResponseDueAt()).isEqualTo(local("2026-12-28T12:00", BERLIN));
            // Through the holiday and the weekend the punctuator runs and finds nothing due.
            routing.advanceTo(local("2026-12-28T09:59:59.999", BERLIN));
            assertThat(routing.due.isEmpty()).isTrue();
            expect(routing, local("2026-12-28T10:00", BERLIN), DueKind.WARNING, 1);
            expect(routing, local("2026-12-28T12:00", BERLIN), DueKind.BREACH, 2);
        }
    }

    private static void expect(RoutingDriver routing, Instant dueAt, DueKind kind, int number) {
        routing.advanceTo(dueAt.minusMillis(1));
        assertThat(routing.due.isEmpty()).as("nothing before %s", dueAt).isTrue();
        routing.advanceTo(dueAt);
        ResponseDue event = routing.due.readValue();
        assertThat(event.getKind()).isEqualTo(kind);
        assertThat(event.getReminderNumber()).isEqualTo(number);
        assertThat(event.getDueAt()).isEqualTo(dueAt);
    }
}
