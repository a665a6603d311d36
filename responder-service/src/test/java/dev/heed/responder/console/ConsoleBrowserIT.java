package dev.heed.responder.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.heed.events.ComplaintAcknowledged;
import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Stack;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium (Debian's chromium and chromium-driver, see .ci/run): a complaint
 * that arrives appears in the open list without a reload; its acknowledge button takes it off the list and
 * the acknowledgement lands on complaints.acknowledged. Saves target/console-screenshot.png (and the
 * complaint's page as target/console-complaint-screenshot.png). Without Chromium the test fails under
 * CI=true and is skipped elsewhere.
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
            WebDriverWait wait = new WebDriverWait(browser, WAIT);

            browser.get(console.url("/console/"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(ConsoleFixture.TOKEN);
            chromium.click(By.cssSelector("#signin button"), WAIT);
            wait.until(ExpectedConditions.presenceOfElementLocated(row("fb-waiting")));
            ((JavascriptExecutor) browser).executeScript("window.heedNoReload = 'still here';");

            console.feedback("fb-arriving", Duration.ofMinutes(1), Duration.ofMinutes(5));
            wait.until(ExpectedConditions.presenceOfElementLocated(row("fb-arriving")));
            assertThat(((JavascriptExecutor) browser).executeScript("return window.heedNoReload")).isEqualTo("still here");
            List<String> order = chromium.readAll(By.cssSelector("#open-rows tr"), r -> r.getAttribute("data-complaint-id"));
            assertThat(order).containsExactly("fb-arriving", "fb-waiting");

            chromium.click(By.cssSelector("button.ack[data-complaint-id='fb-arriving']"), Duration.ofSeconds(30));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(row("fb-arriving")));
            await().atMost(WAIT).untilAsserted(() -> assertThat(acknowledgements(console))
                    .anySatisfy(ack -> {
                        assertThat(ack.getComplaintId()).isEqualTo("fb-arriving");
                        assertThat(ack.getAgent()).isEqualTo("grace");
                        assertThat(ack.getSource().name()).isEqualTo("CONSOLE");
                    }));
            // A later push must not bring it back, and the dashboard must have been sampled for the picture.
            wait.until(ExpectedConditions.textMatches(By.id("completeness"), java.util.regex.Pattern.compile("answered")));
            wait.until(d -> !d.findElements(By.cssSelector("#topic-rows tr")).isEmpty());
            assertThat(chromium.readAll(row("fb-arriving"), WebElement::getTagName)).isEmpty();
            assertThat(chromium.text(By.id("completeness"))).contains("gap: 1");
            chromium.screenshot("target/console-screenshot.png");

            chromium.click(By.linkText("fb-waiting"), Duration.ofSeconds(30));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline li[data-stage='ESCALATED']")));
            assertThat(chromium.text(By.cssSelector("#timeline mark"))).isEqualTo("charged twice");
            chromium.screenshot("target/console-complaint-screenshot.png");
        }
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
