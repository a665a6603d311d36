package dev.heed.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.statistics.StatisticsReport.StatisticsReportMode;
import net.jqwik.api.statistics.Statistics;

/**
 * Business-time arithmetic for any calendar and any start, checked as properties with jqwik: five zones (both
 * hemispheres' DST, a half-hour DST shift, no DST at all), starts drawn within a day of a DST change or a year
 * end as often as anywhere in six years, random opening hours on a quarter-hour grid (midnight included) and up
 * to 40 holidays. Each property is what "N business hours" must mean whatever the calendar. Every property runs
 * 400 tries from the seed it names, so a run is reproducible; a failure is shrunk (starts, amounts and holidays;
 * the week is drawn whole) and reported with its sample. The first property also checks, with jqwik's coverage
 * statistics, that the generator reaches what it is meant to: starts near a DST change or a year end, and holidays
 * inside a span.
 */
class BusinessCalendarPropertiesTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Sydney"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Lord_Howe"));
    private static final LocalDate FIRST = LocalDate.parse("2024-01-01");
    private static final int YEARS = 6;
    private static final int TRIES = 400;
    private static final String SEED = "20261206";
    private static final List<Instant> EDGES = edges();

    /** One generated case: a calendar, a start and two amounts of business time. */
    record Case(BusinessCalendar calendar, Instant start, Duration first, Duration second) {
        @Override
        public String toString() {
            return calendar + ", start " + start + ", amounts " + first + " and " + second;
        }
    }

    @Property(tries = TRIES, seed = SEED)
    @StatisticsReport(StatisticsReportMode.OFF) // checked as coverage below; printed only when it fails
    void businessTimeFromAStartToItsPlusIsWhatWasAdded(@ForAll("cases") Case c) {
        Instant end = c.calendar().plus(c.start(), c.first());
        assertThat(end).isAfterOrEqualTo(c.start());
        assertThat(c.calendar().between(c.start(), end)).isEqualTo(c.first());
        // Never more business time than real time.
        assertThat(Duration.between(c.start(), end)).isGreaterThanOrEqualTo(c.first());

        // A generator that never drew a start near a DST change or a holiday inside a span would prove little.
        boolean nearChange = EDGES.stream().anyMatch(e -> Duration.between(e, c.start()).abs().compareTo(Duration.ofDays(1)) <= 0);
        boolean holidayCrossed = c.calendar().holidays().stream().anyMatch(h -> {
            Instant day = h.atStartOfDay(c.calendar().zone()).toInstant();
            return !day.isBefore(c.start()) && day.isBefore(end);
        });
        Statistics.label("start within a day of a DST change or a year end").collect(nearChange);
        Statistics.label("a holiday inside the span").collect(holidayCrossed);
        Statistics.label("start within a day of a DST change or a year end").coverage(cover -> cover.check(true).percentage(p -> p > 25));
        Statistics.label("a holiday inside the span").coverage(cover -> cover.check(true).percentage(p -> p > 5));
    }

    @Property(tries = TRIES, seed = SEED)
    void addingInTwoStepsIsAddingOnce(@ForAll("cases") Case c) {
        assertThat(c.calendar().plus(c.calendar().plus(c.start(), c.first()), c.second()))
                .isEqualTo(c.calendar().plus(c.start(), c.first().plus(c.second())));
    }

    @Property(tries = TRIES, seed = SEED)
    void aClockCaughtUpPointByPointFallsDueWhereItsNumberedPointsDo(@ForAll("cases") Case c) {
        // The clock counts each repeat from the last point; numbered from the start, they must be the same instants.
        SlaPolicy policy = new SlaPolicy("p", 1, c.first().plusMinutes(1), List.of(0.5), c.second().plusMinutes(1), 2)
                .in(c.calendar());
        SlaClock clock = SlaClock.start("c", policy, c.start());
        for (int n = 1; n <= 6; n++) {
            Instant due = clock.nextDueAt();
            assertThat(due).as("point %d", n).isEqualTo(clock.dueAt(n));
            clock = clock.catchUp(due).clock();
            assertThat(clock.remindersSent()).isEqualTo(n);
        }
    }

    @Property(tries = TRIES, seed = SEED)
    void moreBusinessTimeNeverEndsEarlier(@ForAll("cases") Case c) {
        assertThat(c.calendar().plus(c.start(), c.first().plus(c.second())))
                .isAfterOrEqualTo(c.calendar().plus(c.start(), c.first()));
    }

    @Property(tries = TRIES, seed = SEED)
    void aPromiseFallsDueInsideOpeningHoursOrAtTheirEnd(@ForAll("cases") Case c) {
        Instant due = c.calendar().plus(c.start(), c.first());
        // The last millisecond before the due point was open: never due on a holiday, a closed day or at night.
        assertThat(c.calendar().isOpen(due.minusMillis(1))).as("open just before %s", due).isTrue();
    }

    @Property(tries = TRIES, seed = SEED)
    void businessTimeAddsUpOverConsecutiveSpans(@ForAll("cases") Case c) {
        Instant b = c.start().plus(c.first());
        Instant end = b.plus(c.second());
        assertThat(c.calendar().between(c.start(), b).plus(c.calendar().between(b, end)))
                .isEqualTo(c.calendar().between(c.start(), end));
    }

    @Property(tries = TRIES, seed = SEED)
    void alwaysOpenIsElapsedTime(@ForAll("starts") Instant start, @ForAll("amounts") Duration amount) {
        assertThat(BusinessCalendar.ALWAYS.plus(start, amount)).isEqualTo(start.plus(amount));
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(calendars(), starts(), amounts(), amounts()).as(Case::new);
    }

    @Provide
    Arbitrary<Instant> starts() {
        // Anywhere in six years, or within a day of a DST change or a year end in one of the zones.
        Instant first = FIRST.atStartOfDay(ZoneOffset.UTC).toInstant();
        Arbitrary<Instant> anywhere = uniform(0, YEARS * 365L * 86_400_000L - 1).map(first::plusMillis);
        Arbitrary<Instant> nearEdge = Combinators.combine(Arbitraries.of(EDGES), uniform(-86_400_000L, 86_400_000L))
                .as(Instant::plusMillis);
        return Arbitraries.oneOf(anywhere, nearEdge);
    }

    /** From a millisecond to a working day, or to a month, to the millisecond. */
    @Provide
    Arbitrary<Duration> amounts() {
        return Arbitraries.oneOf(uniform(1, 8 * 3_600_000L), uniform(1, 30L * 24 * 3_600_000L))
                .map(Duration::ofMillis);
    }

    /** Spread evenly, not crowded near zero as jqwik's default distribution is; jqwik still mixes in both ends. */
    private static Arbitrary<Long> uniform(long min, long max) {
        return Arbitraries.longs().between(min, max).withDistribution(RandomDistribution.uniform());
    }

    private static Arbitrary<BusinessCalendar> calendars() {
        Arbitrary<LocalDate> holiday = Arbitraries.integers().between(0, YEARS * 365 - 1).withDistribution(RandomDistribution.uniform()).map(FIRST::plusDays);
        return Combinators.combine(Arbitraries.of(ZONES), Arbitraries.randomValue(BusinessCalendarPropertiesTest::week),
                holiday.set().ofMaxSize(40)).as((zone, week, holidays) -> new BusinessCalendar("generated", zone, week, holidays));
    }

    /** One to seven days with up to three openings each, on a quarter-hour grid (midnight included). */
    private static Map<DayOfWeek, List<BusinessCalendar.Opening>> week(Random random) {
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
        return week;
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
