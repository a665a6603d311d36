package dev.heed.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.routing.classify.CategoryLabel;
import dev.heed.routing.classify.SeverityLabel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyBookTest {

    @ParameterizedTest(name = "{0} complaints default to {1} within {2}")
    @CsvSource({"CRITICAL, critical, PT15M", "HIGH, high, PT1H", "MEDIUM, medium, PT4H", "LOW, low, PT24H"})
    void eachSeverityHasItsDefaultPolicy(SeverityLabel severity, String name, Duration target) {
        SlaPolicy policy = PolicyBook.defaults().choose(severity, "WEB", CategoryLabel.DELIVERY);

        assertThat(policy.name()).isEqualTo(name);
        assertThat(policy.firstResponse()).isEqualTo(target);
        assertThat(policy.warningFractions()).containsExactly(0.5, 0.75);
        assertThat(policy.version()).isEqualTo(1);
    }

    @Test
    void theMostSpecificRuleWins() {
        PolicyBook book = PolicyBookFormat.parse("""
                web-high: severity=HIGH channel=web target=30m
                billing-high: severity=HIGH category=BILLING target=20m
                billing-web-high: severity=HIGH channel=WEB category=BILLING target=10m
                """);

        assertThat(book.choose(SeverityLabel.HIGH, "EMAIL", CategoryLabel.DELIVERY).name()).isEqualTo("high");
        assertThat(book.choose(SeverityLabel.HIGH, "WEB", CategoryLabel.DELIVERY).name()).isEqualTo("web-high");
        assertThat(book.choose(SeverityLabel.HIGH, "EMAIL", CategoryLabel.BILLING).name()).isEqualTo("billing-high");
        assertThat(book.choose(SeverityLabel.HIGH, "WEB", CategoryLabel.BILLING).name()).isEqualTo("billing-web-high");
        assertThat(book.choose(SeverityLabel.HIGH, null, null).name()).isEqualTo("high");
    }

    @Test
    void aConfiguredSeverityPolicyReplacesTheDefaultWithEveryAttribute() {
        PolicyBook book = PolicyBookFormat.parse("critical@2: severity=critical target=10m warn=0.25 repeat=5m climb-after=3");

        SlaPolicy critical = book.choose(SeverityLabel.CRITICAL, "WEB", CategoryLabel.OTHER);

        assertThat(critical).isEqualTo(new SlaPolicy("critical", 2, Duration.ofMinutes(10), List.of(0.25),
                Duration.ofMinutes(5), 3));
        assertThat(book.rules()).hasSize(4);
    }

    @Test
    void aPolicyNamesABusinessCalendarAndCountsInItsHours() {
        var calendars = PolicyBookFormat.calendars("""
                office: zone=Europe/Berlin hours=Mon-Fri/09:00-17:00,Sat/10:00-14:00 holidays=2026-12-24,2026-12-25
                nights: zone=America/New_York hours=Sun/00:00-24:00""");
        PolicyBook book = PolicyBookFormat.parse("desk: severity=HIGH target=4h warn=0.5 calendar=office", calendars);

        SlaPolicy desk = book.choose(SeverityLabel.HIGH, null, null);

        assertThat(desk.calendar()).isEqualTo(calendars.get("office"));
        assertThat(desk.calendar().zone()).hasToString("Europe/Berlin");
        // Wednesday 23 December, 16:00 in Berlin: one hour that day; Thursday and Friday are holidays; three more
        // hours from Saturday's 10:00 end at 13:00 Berlin, 12:00 UTC.
        assertThat(SlaClock.start("c", desk, java.time.Instant.parse("2026-12-23T15:00:00Z")).breachAt())
                .isEqualTo(java.time.Instant.parse("2026-12-26T12:00:00Z"));
        assertThat(PolicyBook.defaults().timeScaled(60).choose(SeverityLabel.HIGH, null, null).calendar())
                .isSameAs(BusinessCalendar.ALWAYS);
        assertThat(book.timeScaled(60).choose(SeverityLabel.HIGH, null, null).calendar()).isEqualTo(desk.calendar());
    }

    @Test
    void calendarErrorsNameTheEntryAndWhatIsWrong() {
        assertThatThrownBy(() -> PolicyBookFormat.parse("desk: severity=HIGH target=4h calendar=office", Map.of()))
                .hasMessageContaining("unknown calendar 'office'");
        assertThatThrownBy(() -> PolicyBookFormat.calendars("office: zone=Europe/Berlim hours=Mon-Fri/09:00-17:00"))
                .hasMessageContaining("'office: zone=Europe/Berlim").hasMessageContaining("Europe/Berlim");
        assertThatThrownBy(() -> PolicyBookFormat.calendars("office: zone=UTC"))
                .hasMessageContaining("missing hours");
        assertThatThrownBy(() -> PolicyBookFormat.calendars("office: zone=UTC hours=Mon-Fri/9-5"))
                .hasMessageContaining("09:00-17:00");
        assertThatThrownBy(() -> PolicyBookFormat.calendars("office: zone=UTC hours=Mon/09:00-17:00 days=5"))
                .hasMessageContaining("days=5").hasMessageContaining("[holidays, hours, ics, zone]");
        assertThatThrownBy(() -> PolicyBookFormat.calendars("a: zone=UTC hours=Mon/09:00-17:00; a: zone=UTC hours=Tue/09:00-17:00"))
                .hasMessageContaining("defined twice");
    }

    @Test
    void aPolicyMayNameAResolutionTargetWithItsOwnWarningsAndRepeatInItsCalendar() {
        var calendars = PolicyBookFormat.calendars("office: zone=Europe/Berlin hours=Mon-Fri/09:00-17:00");
        PolicyBook book = PolicyBookFormat.parse("""
                high@3: severity=HIGH target=1h resolve=3d resolve-warn=0.8 resolve-repeat=4h calendar=office
                low@2: severity=LOW target=1d resolve=P5D
                """, calendars);

        SlaPolicy high = book.choose(SeverityLabel.HIGH, null, null);
        assertThat(high.resolution()).isEqualTo(new ResolutionTarget(Duration.ofDays(3), List.of(0.8), Duration.ofHours(4)));
        assertThat(high.resolutionPolicy()).isEqualTo(new SlaPolicy("high", 3, Duration.ofDays(3), List.of(0.8), Duration.ofHours(4),
                SlaPolicy.DEFAULT_REMINDERS_PER_LEVEL, calendars.get("office")));
        // Without resolve-warn and resolve-repeat: the default warnings, repeating every target.
        assertThat(book.choose(SeverityLabel.LOW, null, null).resolution()).isEqualTo(ResolutionTarget.of(Duration.ofDays(5)));
        assertThat(ResolutionTarget.of(Duration.ofDays(5)).warningFractions()).containsExactly(0.5, 0.75);
    }

    @Test
    void aPolicyWithoutResolveHasNoResolutionTargetAsBeforeTheKeyExisted() {
        SlaPolicy policy = PolicyBookFormat.parse("high: severity=HIGH target=1h warn=0.5").choose(SeverityLabel.HIGH, null, null);

        assertThat(policy.resolution()).isNull();
        assertThat(policy.resolutionPolicy()).isNull();
        assertThat(policy).isEqualTo(new SlaPolicy("high", 1, Duration.ofHours(1), List.of(0.5), Duration.ofHours(1), 2));
        assertThat(PolicyBook.defaults().rules()).allMatch(rule -> rule.policy().resolution() == null);
    }

    @Test
    void resolutionErrorsNameTheEntryAndWhatIsWrong() {
        assertThatThrownBy(() -> PolicyBookFormat.parse("x: severity=HIGH target=1h resolve-warn=0.5"))
                .hasMessageContaining("'x: severity=HIGH").hasMessageContaining("resolve-warn needs resolve");
        assertThatThrownBy(() -> PolicyBookFormat.parse("x: severity=HIGH target=1h resolve-repeat=1h"))
                .hasMessageContaining("resolve-repeat needs resolve");
        assertThatThrownBy(() -> PolicyBookFormat.parse("x: severity=HIGH target=1h resolve=0s"))
                .hasMessageContaining("resolution target must be positive");
        assertThatThrownBy(() -> PolicyBookFormat.parse("x: severity=HIGH target=1h resolve=3d resolve-warn=0.9,0.5"))
                .hasMessageContaining("warning fractions must increase");
        assertThatThrownBy(() -> PolicyBookFormat.parse("x: severity=HIGH target=1h resolve=soon"))
                .hasMessageContaining("'x: severity=HIGH");
    }

    @Test
    void aPolicyMayCloseAComplaintThatWaitedOnTheCustomerInItsCalendarAndNoneDoesByDefault() {
        PolicyBook book = PolicyBookFormat.parse("""
                high@3: severity=HIGH target=1h auto-close=7d
                low: severity=LOW target=1d auto-close=P10D resolve=5d calendar=office
                """, PolicyBookFormat.calendars("office: zone=Europe/Berlin hours=Mon-Fri/09:00-17:00"));

        assertThat(book.choose(SeverityLabel.HIGH, null, null).autoClose()).isEqualTo(Duration.ofDays(7));
        SlaPolicy low = book.choose(SeverityLabel.LOW, null, null);
        assertThat(low.autoClose()).isEqualTo(Duration.ofDays(10));
        assertThat(low.calendar().name()).isEqualTo("office");
        assertThat(low.resolution().target()).isEqualTo(Duration.ofDays(5));
        assertThat(book.choose(SeverityLabel.CRITICAL, null, null).autoClose()).as("a default policy").isNull();
        assertThat(PolicyBook.defaults().rules()).allMatch(rule -> rule.policy().autoClose() == null);
        assertThat(PolicyBookFormat.parse("h: severity=HIGH target=1h").choose(SeverityLabel.HIGH, null, null).autoClose()).isNull();
        assertThat(book.timeScaled(60).choose(SeverityLabel.HIGH, null, null).autoClose()).isEqualTo(Duration.ofHours(2).plusMinutes(48));
    }

    @Test
    void autoCloseErrorsNameTheEntryAndWhatIsWrong() {
        assertThatThrownBy(() -> PolicyBookFormat.parse("x: severity=HIGH target=1h auto-close=0s"))
                .hasMessageContaining("'x: severity=HIGH").hasMessageContaining("autoClose must be positive");
        assertThatThrownBy(() -> PolicyBookFormat.parse("x: severity=HIGH target=1h auto-close=never"))
                .hasMessageContaining("'x: severity=HIGH");
    }

    @Test
    void warningsCanBeTurnedOff() {
        assertThat(PolicyBookFormat.parse("q: severity=LOW target=1h warn=none")
                .choose(SeverityLabel.LOW, null, null).warningFractions()).isEmpty();
    }

    @Test
    void blankConfigurationMeansTheDefaults() {
        assertThat(PolicyBookFormat.parse("  ").rules()).isEqualTo(PolicyBook.defaults().rules());
        assertThat(PolicyBookFormat.parse(null).rules()).isEqualTo(PolicyBook.defaults().rules());
    }

    @Test
    void aTimeScaleShortensEveryDurationAndKeepsNamesAndVersions() {
        SlaPolicy critical = PolicyBook.defaults().timeScaled(60).choose(SeverityLabel.CRITICAL, null, null);

        assertThat(critical.firstResponse()).isEqualTo(Duration.ofSeconds(15));
        assertThat(critical.repeatEvery()).isEqualTo(Duration.ofSeconds(15));
        assertThat(critical.name()).isEqualTo("critical");
        assertThat(PolicyBook.defaults().timeScaled(1).rules()).isEqualTo(PolicyBook.defaults().rules());
        assertThat(PolicyBookFormat.parse("h: severity=HIGH target=1h resolve=3d resolve-repeat=6h").timeScaled(60)
                .choose(SeverityLabel.HIGH, null, null).resolution())
                .isEqualTo(new ResolutionTarget(Duration.ofMinutes(72), List.of(0.5, 0.75), Duration.ofMinutes(6)));
    }

    @Test
    void errorsNameTheEntryAndWhatIsWrong() {
        assertThatThrownBy(() -> PolicyBookFormat.parse("x: severity=HIGH"))
                .hasMessageContaining("'x: severity=HIGH'").hasMessageContaining("missing target");
        assertThatThrownBy(() -> PolicyBookFormat.parse("x: severity=HIGH target=1h colour=red"))
                .hasMessageContaining("colour=red");
        assertThatThrownBy(() -> PolicyBookFormat.parse("severity=HIGH target=1h"))
                .hasMessageContaining("name[@version]");
    }
}
