package dev.heed.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Business-time arithmetic for any calendar and any start, checked on generated cases: five zones (both
 * hemispheres' DST, a half-hour DST shift, no DST at all), starts drawn within a day of a DST change or a year
 * end as often as anywhere in six years, random opening hours on a quarter-hour grid (midnight included) and up
 * to 40 holidays. Each property is what "N business hours" must mean whatever the calendar. The cases come from
 * a fixed seed, so a failure names its case and reproduces; {@code -Dheed.calendar.seed=N} tries others.
 */
class BusinessCalendarPropertiesTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Sydney"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Lord_Howe"));
    private static final LocalDate FIRST = LocalDate.parse("2024-01-01");
    private static final int YEARS = 6;
    private static final int CASES = 400;
    private static final long SEED = Long.getLong("heed.calendar.seed", 20261206L);
    private static final List<Instant> EDGES = edges();

    /** One generated case: a calendar, a start and two amounts of business time. */
    record Case(int index, BusinessCalendar calendar, Instant start, Duration first, Duration second) {
        @Override
        public String toString() {
            return "case " + index + " of seed " + SEED + ": " + calendar + ", start " + start + ", amounts " + first + " and " + second;
        }
    }

    @Test
    void businessTimeFromAStartToItsPlusIsWhatWasAdded() {
        forEachCase(c -> {
            Instant end = c.calendar().plus(c.start(), c.first());
            assertThat(end).as("%s", c).isAfterOrEqualTo(c.start());
            assertThat(c.calendar().between(c.start(), end)).as("%s", c).isEqualTo(c.first());
            // Never more business time than real time.
            assertThat(Duration.between(c.start(), end)).as("%s", c).isGreaterThanOrEqualTo(c.first());
        });
    }

    @Test
    void addingInTwoStepsIsAddingOnce() {
        forEachCase(c -> assertThat(c.calendar().plus(c.calendar().plus(c.start(), c.first()), c.second())).as("%s", c)
                .isEqualTo(c.calendar().plus(c.start(), c.first().plus(c.second()))));
    }

    @Test
    void aClockCaughtUpPointByPointFallsDueWhereItsNumberedPointsDo() {
        // The clock counts each repeat from the last point; numbered from the start, they must be the same instants.
        forEachCase(c -> {
            SlaPolicy policy = new SlaPolicy("p", 1, c.first().plusMinutes(1), List.of(0.5), c.second().plusMinutes(1), 2)
                    .in(c.calendar());
            SlaClock clock = SlaClock.start("c", policy, c.start());
            for (int n = 1; n <= 6; n++) {
                Instant due = clock.nextDueAt();
                assertThat(due).as("point %d of %s", n, c).isEqualTo(clock.dueAt(n));
                clock = clock.catchUp(due).clock();
                assertThat(clock.remindersSent()).as("%s", c).isEqualTo(n);
            }
        });
    }

    @Test
    void moreBusinessTimeNeverEndsEarlier() {
        forEachCase(c -> assertThat(c.calendar().plus(c.start(), c.first().plus(c.second()))).as("%s", c)
                .isAfterOrEqualTo(c.calendar().plus(c.start(), c.first())));
    }

    @Test
    void aPromiseFallsDueInsideOpeningHoursOrAtTheirEnd() {
        forEachCase(c -> {
            Instant due = c.calendar().plus(c.start(), c.first());
            // The last millisecond before the due point was open: never due on a holiday, a closed day or at night.
            assertThat(c.calendar().isOpen(due.minusMillis(1))).as("open just before %s in %s", due, c).isTrue();
        });
    }

    @Test
    void businessTimeAddsUpOverConsecutiveSpans() {
        forEachCase(c -> {
            Instant b = c.start().plus(c.first());
            Instant end = b.plus(c.second());
            assertThat(c.calendar().between(c.start(), b).plus(c.calendar().between(b, end))).as("%s", c)
                    .isEqualTo(c.calendar().between(c.start(), end));
        });
    }

    @Test
    void alwaysOpenIsElapsedTime() {
        forEachCase(c -> assertThat(BusinessCalendar.ALWAYS.plus(c.start(), c.first())).as("%s", c)
                .isEqualTo(c.start().plus(c.first())));
    }

    @Test
    void theCasesReachWhatTheyAreMeantTo() {
        // A generator that never drew a start near a DST change or a holiday inside a span would prove little.
        List<Case> cases = cases();
        long nearChange = cases.stream().filter(c -> EDGES.stream().anyMatch(e -> Duration.between(e, c.start()).abs()
                .compareTo(Duration.ofDays(1)) <= 0)).count();
        long holidayCrossed = cases.stream().filter(c -> c.calendar().holidays().stream().anyMatch(h -> {
            Instant day = h.atStartOfDay(c.calendar().zone()).toInstant();
            return !day.isBefore(c.start()) && day.isBefore(c.calendar().plus(c.start(), c.first()));
        })).count();
        assertThat(nearChange).isGreaterThan(CASES / 4);
        assertThat(holidayCrossed).isGreaterThan(CASES / 20);
    }

    private static void forEachCase(Consumer<Case> property) {
        cases().forEach(property);
    }

    private static List<Case> cases() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            cases.add(new Case(i, calendar(random), start(random), amount(random), amount(random)));
        }
        return cases;
    }

    private static BusinessCalendar calendar(SplittableRandom random) {
        Map<DayOfWeek, List<BusinessCalendar.Opening>> week = new EnumMap<>(DayOfWeek.class);
        int days = 1 + random.nextInt(7);
        for (int d = 0; d < days; d++) {
            List<BusinessCalendar.Opening> openings = new ArrayList<>();
            int slot = random.nextInt(96); // quarter hours
            while (slot < 96 && openings.size() < 3) {
                int end = slot + 1 + random.nextInt(96 - slot);
                openings.add(new BusinessCalendar.Opening(LocalTime.ofSecondOfDay(slot * 900L),
                        end == 96 ? null : LocalTime.ofSecondOfDay(end * 900L)));
                slot = end + 1 + random.nextInt(24);
            }
            week.put(DayOfWeek.of(1 + random.nextInt(7)), openings);
        }
        Set<LocalDate> holidays = new TreeSet<>();
        int count = random.nextInt(41);
        for (int h = 0; h < count; h++) {
            holidays.add(FIRST.plusDays(random.nextInt(YEARS * 365)));
        }
        return new BusinessCalendar("generated", ZONES.get(random.nextInt(ZONES.size())), week, holidays);
    }

    /** Anywhere in six years, or within a day of a DST change or a year end in one of the zones. */
    private static Instant start(SplittableRandom random) {
        if (random.nextBoolean()) {
            return FIRST.atStartOfDay(ZoneId.of("UTC")).toInstant().plusMillis(random.nextLong(YEARS * 365L * 86_400_000L));
        }
        return EDGES.get(random.nextInt(EDGES.size())).plusMillis(random.nextLong(-86_400_000L, 86_400_001L));
    }

    /** From a millisecond to a working day, or to a month, to the millisecond. */
    private static Duration amount(SplittableRandom random) {
        long most = random.nextBoolean() ? 8 * 3_600_000L : 30L * 24 * 3_600_000L;
        return Duration.ofMillis(1 + random.nextLong(most));
    }

    private static List<Instant> edges() {
        List<Instant> edges = new ArrayList<>();
        for (ZoneId zone : ZONES) {
            ZoneOffsetTransition t = zone.getRules().nextTransition(FIRST.atStartOfDay(zone).toInstant());
            Instant end = FIRST.plusYears(YEARS).atStartOfDay(zone).toInstant();
            while (t != null && t.getInstant().isBefore(end)) {
                edges.add(t.getInstant());
                t = zone.getRules().nextTransition(t.getInstant());
            }
            for (int y = 0; y <= YEARS; y++) {
                edges.add(FIRST.plusYears(y).atStartOfDay(zone).toInstant());
            }
        }
        return List.copyOf(edges);
    }
}
