package dev.heed.responder.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.EscalationLevel;
import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Stack;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium (Debian's chromium and chromium-driver, see .ci/run): a complaint
 * that arrives appears in the open list without a reload; its acknowledge button takes it off the list and
 * the acknowledgement lands on complaints.acknowledged; every button stays on screen, without sideways
 * scrolling, at 1400 and 1280 px and on a 390 px phone; the sign-out button ends the session; a promise kept and
 * a promise broken show on their complaints' pages, with the updates' delivery and the agent's words as text, and
 * the promise-kept rate on the dashboard; a complaint on hold on the open list (no countdown, fitting a phone) and on its
 * page with its replies, and a known problem's fix named as such. Every read of the live page goes through {@link HeadlessChromium#read}.
 * Saves target/console-screenshot.png, the complaint's page as target/console-complaint-screenshot.png,
 * target/console-{1400,1280,390}px.png, target/console-promises-{dashboard,complaint}.png, target/console-open-on-hold(-390px).png,
 * target/console-complaint-on-hold(-390px).png and target/console-complaint-fixed.png.
 * Without Chromium the test fails under CI=true and is skipped elsewhere.
 */
@ExtendWith(LocalStackExtension.class)
class ConsoleBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        chromium = HeadlessChromium.start();
        browser = chromium.browser();
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void shouldListAnArrivingComplaintLiveAndAcknowledgeItWithOneClick(Stack stack) throws Exception {
        try (ConsoleFixture console = new ConsoleFixture(stack)) {
            console.feedback("fb-waiting", Duration.ofMinutes(20), Duration.ofMinutes(40));
            console.feedback("fb-forgotten", Duration.ofHours(3), null);
            console.feedback("fb-thanked", Duration.ofMinutes(2), null);
            console.repliedTo("fb-thanked");
            console.start();
            WebDriverWait wait = signIn(console);
            wait.until(ExpectedConditions.presenceOfElementLocated(row("fb-waiting")));
            ((JavascriptExecutor) browser).executeScript("window.heedNoReload = 'still here';");

            console.feedback("fb-arriving", Duration.ofMinutes(1), Duration.ofMinutes(5));
            wait.until(ExpectedConditions.presenceOfElementLocated(row("fb-arriving")));
            assertThat(((JavascriptExecutor) browser).executeScript("return window.heedNoReload")).isEqualTo("still here");
            List<String> order = chromium.readAll(By.cssSelector("#open-rows tr"), r -> r.getAttribute("data-complaint-id"));
            assertThat(order).containsExactly("fb-arriving", "fb-waiting");
            // The classifier's confidence, marked when it doubts its own escalation.
            assertThat(chromium.text(By.cssSelector("#open-rows tr[data-complaint-id='fb-waiting'] td.low-confidence")))
                    .isEqualTo("0.62");

            chromium.click(ack("fb-arriving"), Duration.ofSeconds(30));
            // Owned now: it stays on the list, as acknowledged by the agent, without a countdown or a button.
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#open-rows tr[data-complaint-id='fb-arriving'][data-status='ACKNOWLEDGED']")));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(ack("fb-arriving")));
            await().atMost(WAIT).untilAsserted(() -> assertThat(acknowledgements(console))
                    .anySatisfy(ack -> {
                        assertThat(ack.getComplaintId()).isEqualTo("fb-arriving");
                        assertThat(ack.getAgent()).isEqualTo("grace");
                        assertThat(ack.getSource().name()).isEqualTo("CONSOLE");
                    }));
            // A later push must not bring its button back, and the dashboard must have been sampled for the picture.
            wait.until(ExpectedConditions.textMatches(By.id("completeness"), java.util.regex.Pattern.compile("answered")));
            wait.until(d -> !d.findElements(By.cssSelector("#topic-rows tr")).isEmpty());
            assertThat(chromium.readAll(ack("fb-arriving"), WebElement::getTagName)).isEmpty();
            assertThat(chromium.readAll(By.cssSelector("#open-rows tr"), r -> r.getAttribute("data-complaint-id")))
                    .containsExactly("fb-waiting", "fb-arriving");
            assertThat(chromium.text(By.cssSelector("#open-rows tr[data-complaint-id='fb-arriving'] td.status"))).isEqualTo("acknowledged (grace)");
            assertThat(chromium.readAll(By.cssSelector("#open-rows tr[data-complaint-id='fb-arriving'] .countdown"), WebElement::getTagName))
                    .isEmpty();
            assertThat(chromium.text(By.cssSelector("#open-rows tr[data-complaint-id='fb-waiting'] td.status"))).isEqualTo("open");
            assertThat(chromium.text(By.id("completeness"))).contains("gap: 1");
            chromium.screenshot("target/console-screenshot.png");

            chromium.click(By.linkText("fb-waiting"), Duration.ofSeconds(30));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline li[data-stage='ESCALATED']")));
            assertThat(chromium.text(By.cssSelector("#timeline mark"))).isEqualTo("charged twice");
            assertThat(chromium.text(By.id("summary"))).contains("confidence 0.62", "classified 1.0 s after receipt",
                    "escalated 2.0 s after receipt");
            // What the open list does not show reaches the complaint's page too, without a reload.
            console.notificationFailed("fb-waiting");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "HTTP 503 after 5 attempts"));
            chromium.screenshot("target/console-complaint-screenshot.png");
        }
    }

    @Test
    void shouldShowAPromiseKeptAndAPromiseBrokenOnTheirPagesAndTheKeptRateOnTheDashboard(Stack stack) throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try (ConsoleFixture console = new ConsoleFixture(stack)) {
            console.promisesKeptAndBroken(Instant.now().truncatedTo(ChronoUnit.MILLIS));
            // Its promise kept, fb-kept was resolved afterwards (routing's row says by whom, when), and its customer gave 4 of 5.
            console.answered("fb-kept", 1, 1, "grace", Instant.parse("2026-11-20T12:30:00Z"), 4);
            console.start(ConsoleFixture.smtp(smtp));
            WebDriverWait wait = signIn(console);

            // The dashboard: one kept and one broken in queue billing, the third promise still open.
            By billing = By.cssSelector("#promise-rows tr[data-queue='billing']");
            wait.until(d -> chromium.readAll(billing, WebElement::getText).stream().anyMatch(t -> t.contains("50.0 %")));
            assertThat(chromium.text(By.cssSelector("#promise-rows tr[data-queue='billing'] td.kept"))).isEqualTo("1");
            assertThat(chromium.text(By.cssSelector("#promise-rows tr[data-queue='billing'] td.broken"))).isEqualTo("1");
            assertThat(chromium.text(By.id("promise-window"))).contains("complaints.state", "timeline index");
            // The customers' verdicts: fb-kept, the one resolved complaint of billing, answered 4 of 5.
            By verdicts = By.cssSelector("#verdict-rows tr[data-queue='billing']");
            wait.until(d -> chromium.readAll(verdicts, WebElement::getText).stream().anyMatch(t -> t.contains("100.0 %")));
            assertThat(chromium.text(By.cssSelector("#verdict-rows tr[data-queue='billing'] td.score"))).isEqualTo("4.00");
            assertThat(chromium.text(By.cssSelector("#verdict-rows tr[data-queue='billing'] td.resolved"))).isEqualTo("1");
            assertThat(chromium.text(By.id("verdict-window"))).contains("complaints.state", "its last verdict");
            // The open list: fb-broken is acknowledged and not resolved, so still listed, as grace's; fb-kept is resolved.
            By brokenRow = By.cssSelector("#open-rows tr[data-complaint-id='fb-broken'][data-status='ACKNOWLEDGED'] td.status");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(brokenRow, "acknowledged (grace)"));
            assertThat(chromium.readAll(row("fb-kept"), WebElement::getTagName)).isEmpty();
            chromium.screenshot("target/console-promises-dashboard.png");

            browser.get(console.url("/console/complaint.html?id=fb-kept"));
            By kept = By.cssSelector("#promises li[data-promise='1'][data-outcome='KEPT']");
            wait.until(ExpectedConditions.presenceOfElementLocated(kept));
            assertThat(chromium.text(kept)).contains("Promise 1", "by grace with the acknowledgement", "kept at", "(update u-kept)");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#updates li[data-update-id='u-kept']"),
                    "delivered by email"));
            assertThat(chromium.text(By.id("promise-counts"))).contains("1 made · 1 kept · 0 replaced · 0 broken");
            assertThat(chromium.text(By.id("summary"))).contains("resolved by grace at ", "customer's verdict 4 of 5");
            // The verdict: its score and the customer's words, shown as written, never as markup.
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), ConsoleFixture.VERDICT_TEXT));
            assertThat(chromium.text(By.id("verdict"))).startsWith("4 of 5 at ");
            assertThat(chromium.text(By.cssSelector("#timeline li[data-stage='VERDICT'] .stage"))).isEqualTo("customer's verdict");
            assertThat(chromium.readAll(By.cssSelector("#verdict b, #timeline b"), WebElement::getTagName)).isEmpty();

            browser.get(console.url("/console/complaint.html?id=fb-broken"));
            By brokenPromise = By.cssSelector("#promises li[data-promise='1'][data-outcome='BROKEN']");
            wait.until(ExpectedConditions.presenceOfElementLocated(brokenPromise));
            assertThat(chromium.text(brokenPromise)).contains("broken at", "routing reported it", "updated late", "(update u-late)",
                    "promised update due soon", "promise broken");
            By open = By.cssSelector("#promises li[data-promise='2'][data-outcome='OPEN']");
            assertThat(chromium.text(open)).contains("with update u-late");
            wait.until(ExpectedConditions.textMatches(By.cssSelector("#promises li[data-promise='2'] .countdown"),
                    java.util.regex.Pattern.compile("\\d+m \\d{2}s left")));
            By update = By.cssSelector("#updates li[data-update-id='u-late']");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(update, "delivered by email"));
            // The agent's words are shown as written, markup and all, and never become elements.
            assertThat(chromium.text(By.cssSelector("#updates li[data-update-id='u-late'] .text"))).isEqualTo(ConsoleFixture.LATE_MESSAGE);
            assertThat(chromium.readAll(By.cssSelector("#updates b, #updates script, #timeline b, #timeline script"),
                    WebElement::getTagName)).isEmpty();
            assertThat(chromium.text(By.cssSelector("#timeline li[data-kind='PROMISE_BROKEN'] .stage"))).isEqualTo("promise broken");
            assertThat(chromium.text(By.cssSelector("#timeline li.RESOLUTION[data-kind='RESOLUTION_BREACH'] .stage")))
                    .isEqualTo("resolution overdue");
            assertThat(chromium.text(By.cssSelector("#timeline li[data-stage='UPDATED'] .stage"))).isEqualTo("update given");
            chromium.screenshot("target/console-promises-complaint.png");

            browser.get(console.url("/console/"));
            // Reopened (routing's row says so), fb-kept comes back to the open list, marked as reopened, above the acknowledged one.
            console.reopened("fb-kept");
            By reopenedRow = By.cssSelector("#open-rows tr[data-complaint-id='fb-kept'][data-status='REOPENED'] td.status-REOPENED");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(reopenedRow, "reopened (grace)"));
            assertThat(chromium.readAll(By.cssSelector("#open-rows tr"), r -> r.getAttribute("data-complaint-id")))
                    .containsExactly("fb-kept", "fb-broken");
            assertThat(chromium.readAll(By.cssSelector("#open-rows button.ack"), WebElement::getTagName)).as("nobody need acknowledge them")
                    .isEmpty();
            chromium.screenshot("target/console-open-reopened.png");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void shouldShowAComplaintOnHoldItsRepliesAndAProblemsFixOnTheOpenListAndTheirPagesFromDesktopToPhone(Stack stack) throws Exception {
        try (ConsoleFixture console = new ConsoleFixture(stack)) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            console.feedback("fb-held", Duration.ofHours(5), Duration.ofHours(1));
            console.heldAndReplied("fb-held", now);
            console.feedback("fb-resumed", Duration.ofHours(2), Duration.ofHours(1));
            console.heldAndResumed("fb-resumed", now);
            console.feedback("fb-fixed", Duration.ofHours(2), Duration.ofHours(1));
            console.fixed("fb-fixed", "prb-42", now.minus(Duration.ofMinutes(10)));
            console.start();
            WebDriverWait wait = signIn(console);

            // The open list: on hold, told apart from the acknowledged one, last, with no countdown and no button.
            By heldStatus = By.cssSelector("#open-rows tr[data-complaint-id='fb-held'][data-status='WAITING_ON_THIRD_PARTY'] td.status");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(heldStatus, "on hold: waiting on third party since "));
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#open-rows tr[data-complaint-id='fb-resumed'][data-status='ACKNOWLEDGED']")));
            assertThat(chromium.text(heldStatus)).endsWith("(grace)");
            assertThat(chromium.readAll(By.cssSelector("#open-rows tr"), r -> r.getAttribute("data-complaint-id")))
                    .containsExactly("fb-resumed", "fb-held");
            assertThat(chromium.text(By.cssSelector("#open-rows tr[data-complaint-id='fb-held'] td.due"))).isEqualTo("clock paused");
            assertThat(chromium.readAll(By.cssSelector("#open-rows tr[data-complaint-id='fb-held'] .countdown, "
                    + "#open-rows tr[data-complaint-id='fb-held'] button"), WebElement::getTagName)).isEmpty();
            assertThat(chromium.text(By.cssSelector("#open-rows tr[data-complaint-id='fb-resumed'] td.status"))).isEqualTo("acknowledged (grace)");
            chromium.screenshot("target/console-open-on-hold.png");
            // On a phone the hold's card fits the screen: its status wraps rather than push the page sideways.
            chromium.viewport(390, 844, true);
            Map<?, ?> card = reach("#open-rows tr[data-complaint-id='fb-held'] td.status");
            assertThat(number(card, "pageWidth")).isLessThanOrEqualTo(number(card, "viewportWidth"));
            assertThat(number(card, "left")).isGreaterThanOrEqualTo(0);
            assertThat(number(card, "right")).isLessThanOrEqualTo(number(card, "viewportWidth"));
            chromium.screenshot("target/console-open-on-hold-390px.png");
            chromium.viewport(1400, 1000, false);

            // The complaint on hold: whom it waits on since when, held in all (an hour before, and this one's hour so far).
            chromium.click(By.linkText("fb-held"), WAIT);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hold"), "On hold, waiting on a third party since "));
            assertThat(chromium.text(By.id("hold"))).endsWith("the resolution clock is paused.");
            assertThat(chromium.text(By.id("summary"))).contains("on hold, waiting on a third party");
            wait.until(ExpectedConditions.textMatches(By.id("hold-total"),
                    java.util.regex.Pattern.compile("^Put on hold 2 times, held 2h \\d+m in all")));
            wait.until(d -> chromium.readAll(By.cssSelector("#holds li"), r -> r.getAttribute("data-action"))
                    .equals(List.of("WAIT_ON_CUSTOMER", "WAIT_ON_THIRD_PARTY")));
            // Its reply: counted, marked negative, in the timeline, linked to its own page.
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("replies"), "1 reply from the customer, 1 negative"));
            assertThat(chromium.text(By.id("replies"))).contains("(negative): reply reply-fb-held");
            assertThat(chromium.text(By.cssSelector("#reply-list li.negative[data-reply='reply-fb-held']"))).endsWith("negative");
            assertThat(chromium.text(By.cssSelector("#timeline li[data-stage='CUSTOMER_REPLY'] .stage"))).isEqualTo("customer's reply (negative)");
            assertThat(chromium.readAll(By.cssSelector("#timeline li[data-stage='UPDATED'] .stage"), WebElement::getText))
                    .containsExactly("on hold: waiting on the customer", "on hold: waiting on a third party");
            chromium.viewport(390, 844, true);
            Map<?, ?> page = reach("#replies a.reply-link");
            assertThat(number(page, "pageWidth")).as("the complaint's page on a phone").isLessThanOrEqualTo(number(page, "viewportWidth"));
            chromium.screenshot("target/console-complaint-on-hold-390px.png");
            chromium.viewport(1400, 1000, false);
            chromium.screenshot("target/console-complaint-on-hold.png");
            chromium.click(By.cssSelector("#replies a.reply-link"), WAIT);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("title"), "reply-fb-held"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#timeline li[data-stage='RECEIVED']"),
                    ConsoleFixture.REPLY_TEXT));
            assertThat(chromium.readAll(By.cssSelector("#timeline b"), WebElement::getTagName)).as("the customer's words as text").isEmpty();

            // Taken off hold by an agent: no longer on hold, the resume and the half hour held.
            browser.get(console.url("/console/complaint.html?id=fb-resumed"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hold"), "Not on hold; last taken off hold at "));
            assertThat(chromium.text(By.id("hold"))).endsWith("by grace.");
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#hold-total .held"), "30m 00s"));
            assertThat(chromium.text(By.id("hold-total"))).startsWith("Put on hold 1 time, held 30m 00s in all");
            assertThat(chromium.readAll(By.id("replies-panel"), WebElement::isDisplayed)).containsExactly(false);

            // Resolved by a known problem's fix: named as such, with the problem.
            browser.get(console.url("/console/complaint.html?id=fb-fixed"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "resolved by the fix of known problem prb-42 at "));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#timeline li[data-stage='UPDATED'] .stage"),
                    "resolved by the fix of known problem prb-42"));
            assertThat(chromium.readAll(By.id("hold-panel"), WebElement::isDisplayed)).containsExactly(false);
            chromium.screenshot("target/console-complaint-fixed.png");
        }
    }

    @Test
    void shouldKeepEveryAcknowledgeButtonInViewWithoutScrollingSidewaysFromDesktopToPhone(Stack stack) throws Exception {
        try (ConsoleFixture console = new ConsoleFixture(stack)) {
            // As wide as real rows get: ids are UUIDs, subjects are sentences, some climbed, some are overdue.
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String id = UUID.randomUUID().toString();
                console.feedback(id, Duration.ofMinutes(90), Duration.ofMinutes(20L * i - 30),
                        "Charged twice for the annual enterprise plan renewal, and the invoice portal keeps timing out");
                console.reminded(id, i % 2 == 0 ? EscalationLevel.TEAM_LEAD : EscalationLevel.MANAGER);
                ids.add(id);
            }
            // A row in the promise table and one in the verdict table too, which must fit the phone as well.
            console.state("fb-promised", 2, 1, 0, 1, null);
            console.answered("fb-answered", 0, 0, "grace", Instant.now().minus(Duration.ofHours(1)), 5);
            console.start();
            WebDriverWait wait = signIn(console);
            ids.forEach(id -> wait.until(ExpectedConditions.presenceOfElementLocated(row(id))));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#promise-rows tr[data-queue='billing']")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#verdict-rows tr[data-queue='billing']")));

            for (Screen screen : List.of(new Screen(1400, 1000, false), new Screen(1280, 800, false), new Screen(390, 844, true))) {
                chromium.viewport(screen.width(), screen.height(), screen.mobile());
                for (String id : ids) {
                    Map<?, ?> reach = reach(ackSelector(id));
                    assertThat(number(reach, "innerWidth")).as("the emulated screen").isEqualTo(screen.width());
                    assertThat(number(reach, "pageWidth")).as("%s: the page is no wider than the screen", screen)
                            .isLessThanOrEqualTo(number(reach, "viewportWidth"));
                    assertThat(number(reach, "left")).as("%s: the button's left edge", screen).isGreaterThanOrEqualTo(0);
                    assertThat(number(reach, "right")).as("%s: the button's right edge", screen).isLessThanOrEqualTo(number(reach, "viewportWidth"));
                    assertThat(reach.get("hit")).as("%s: nothing covers or clips the button", screen).isEqualTo(true);
                }
                ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
                chromium.screenshot("target/console-" + screen.width() + "px.png");
            }
            // On the phone the button takes one tap like anywhere else.
            chromium.click(ack(ids.get(0)), WAIT);
            wait.until(ExpectedConditions.invisibilityOfElementLocated(ack(ids.get(0))));
        }
    }

    @Test
    void shouldSignOutWithTheButtonEndingTheSessionAndForgettingTheToken(Stack stack) throws Exception {
        try (ConsoleFixture console = new ConsoleFixture(stack)) {
            console.start();
            WebDriverWait wait = signIn(console);
            wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
            Cookie session = browser.manage().getCookieNamed(ConsoleRoutes.COOKIE);
            assertThat(session).isNotNull();

            chromium.click(By.id("signout"), WAIT);

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
            assertThat(chromium.text(By.id("signin-note"))).isEqualTo("You signed out.");
            assertThat(browser.manage().getCookieNamed(ConsoleRoutes.COOKIE)).isNull();
            // The server forgot the session too: its old cookie, put back, opens nothing.
            browser.manage().addCookie(session);
            assertThat(statusOf("/console/api/complaints")).isEqualTo(401L);
            browser.navigate().refresh();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
            assertThat(chromium.readAll(By.id("console"), WebElement::isDisplayed)).containsExactly(false);
        }
    }

    /** A screen to lay the console out on. */
    private record Screen(int width, int height, boolean mobile) {}

    private WebDriverWait signIn(ConsoleFixture console) {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        browser.get(console.url("/console/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(ConsoleFixture.TOKEN);
        chromium.click(By.cssSelector("#signin button"), WAIT);
        return wait;
    }

    /**
     * Scrolls the element into view vertically only (never sideways, which is what the check is about) and
     * measures it against the screen; {@code hit} is whether the element itself is what a tap on its middle
     * reaches (false when a scrolled or clipping container hides it).
     */
    private Map<?, ?> reach(String css) {
        return chromium.read(page -> (Map<?, ?>) ((JavascriptExecutor) page).executeScript("""
                const element = document.querySelector(arguments[0]);
                if (!element) throw new Error("no " + arguments[0]);
                window.scrollTo(0, Math.max(0, element.getBoundingClientRect().top + window.scrollY - innerHeight / 2));
                const r = element.getBoundingClientRect();
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return { left: r.left, right: r.right, innerWidth: window.innerWidth,
                         viewportWidth: document.documentElement.clientWidth, pageWidth: document.documentElement.scrollWidth,
                         hit: hit !== null && element.contains(hit) };
                """, css), WAIT);
    }

    private static double number(Map<?, ?> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    /** The status the page's own request to {@code path} gets, cookies and all. */
    private Object statusOf(String path) {
        return ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status));", path);
    }

    private static By ack(String id) {
        return By.cssSelector(ackSelector(id));
    }

    private static String ackSelector(String id) {
        return "button.ack[data-complaint-id='" + id + "']";
    }

    private static By row(String id) {
        return By.cssSelector("#open-rows tr[data-complaint-id='" + id + "']");
    }

    private static List<ComplaintAcknowledged> acknowledgements(ConsoleFixture console) {
        var topic = console.pipeline.topics.complaintsAcknowledged();
        return console.pipeline.readAll(topic.name()).stream()
                .map(r -> topic.valueSerde().deserializer().deserialize(r.topic(), r.value())).toList();
    }
}
