package dev.podbot.demo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.podbot.command.Button;
import dev.podbot.command.Reply;
import dev.podbot.demo.DemoProfile;
import dev.podbot.demo.sim.PodPointSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * The web chat in a real browser: headless Chromium from Debian's chromium and chromium-driver packages (nothing is
 * downloaded). Skipped, with a message, when they are not installed.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class WebChatBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static WebDriver driver;
    static ChromeDriverService service;
    static Path profileDir;

    @Inject
    WebChatTransport transport;

    @Inject
    PodPointSimulator simulator;

    @BeforeAll
    static void startBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser test skipped: install Debian's chromium and chromium-driver (/usr/bin/chromium, "
                        + "/usr/bin/chromedriver) to run it");
        profileDir = Files.createTempDirectory("podbot-chromium-");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=900,1000", "--user-data-dir=" + profileDir);
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profileDir != null) {
            try (var files = Files.walk(profileDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    void open() {
        driver.get(RestAssured.baseURI + ":" + RestAssured.port + "/");
        waitUpTo(15).until(d -> "true".equals(d.findElement(By.id("status")).getAttribute("data-connected")));
    }

    /** The bot's replies to what was typed or pressed; notifications (the demo's chargers change on their own) are not among them. */
    List<WebElement> botMessages() {
        return driver.findElements(By.cssSelector("#messages .msg.bot:not(.notification)"));
    }

    void type(String text) {
        WebElement input = driver.findElement(By.id("input"));
        input.sendKeys(text);
        driver.findElement(By.id("send")).click();
    }

    static void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isPositive();
    }

    @Test
    void chatShowsRepliesAndRendersNotificationsSafely() throws Exception {
        open();
        assertThat(driver.findElement(By.className("banner")).getText()).contains("demo@podpoint.local")
                .contains("demo");

        int before = botMessages().size();
        type("/help");
        waitUpTo(15).until(d -> botMessages().size() > before);
        assertThat(driver.findElements(By.cssSelector("#messages .msg.user")).get(0).getText()).isEqualTo("/help");

        transport.deliver(WebChat.CHAT_ID, Reply.of(
                "<b>Charge complete</b> on <i>Garage</i>: <code>7.2 kWh</code> &lt;img src=x onerror=alert(1)&gt; <a href=\"x\">link</a>",
                List.of(List.of(new Button("See charges", "charges")))));
        // the demo's own notifications (the simulated chargers change state) may be there too: find this one
        WebElement note = waitUpTo(15).until(d -> d.findElements(By.cssSelector("#messages .msg.notification"))
                .stream().filter(n -> n.getText().contains("onerror")).findFirst().orElse(null));
        assertThat(note.findElement(By.tagName("b")).getText()).isEqualTo("Charge complete");
        assertThat(note.findElement(By.tagName("i")).getText()).isEqualTo("Garage");
        assertThat(note.findElement(By.tagName("code")).getText()).isEqualTo("7.2 kWh");
        assertThat(note.findElements(By.tagName("img"))).isEmpty();
        assertThat(note.findElements(By.tagName("a"))).isEmpty();
        assertThat(note.getText()).contains("<img src=x onerror=alert(1)>").contains("<a href=\"x\">link</a>");
        assertThat(note.findElement(By.cssSelector("button.inline")).getText()).isEqualTo("See charges");
        screenshot("demo-webchat-render.png");
    }

    void signIn() {
        int before = botMessages().size();
        driver.findElement(By.id("signin")).click();
        waitUpTo(30).until(d -> botMessages().size() > before);
        assertThat(botMessages().get(botMessages().size() - 1).getText()).contains("Linked");
        WebElement hidden = driver.findElement(By.cssSelector("#messages .msg.user.hidden-secret"));
        assertThat(hidden.getText()).doesNotContain(PodPointSimulator.DEMO_EMAIL);
        assertThat(driver.findElement(By.id("messages")).getText()).doesNotContain("demo@podpoint.local demo");
    }

    @Test
    void signInListPodsAndPressAButton() throws Exception {
        open();
        signIn();

        int before = botMessages().size();
        type("/pods");
        waitUpTo(30).until(d -> botMessages().size() >= before + 2);
        List<WebElement> pods = botMessages().subList(before, botMessages().size());
        assertThat(pods.get(0).getText()).contains("Driveway");
        assertThat(pods.get(1).getText()).contains("Garage");
        assertThat(pods.get(0).findElement(By.tagName("b")).getText()).isEqualTo("Driveway");
        WebElement chargeOn = pods.get(0).findElements(By.cssSelector("button.inline")).stream()
                .filter(b -> b.getText().equals("Charge on")).findFirst().orElseThrow();
        int count = botMessages().size();
        chargeOn.click();
        waitUpTo(30).until(d -> botMessages().size() > count);
        assertThat(botMessages().get(botMessages().size() - 1).getText()).contains("Driveway");
        screenshot("demo-webchat-pods.png");
    }

    @Test
    void aCompletedChargeArrivesAsANotification() throws Exception {
        open();
        signIn();
        // the first poll of a newly linked account records its past charges silently (the baseline);
        // a charge completed after it is announced
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(this::baselineTaken);
        int before = driver.findElements(By.cssSelector("#messages .msg.notification")).size();
        assertThat(simulator.completeCharge(PodPointSimulator.DEMO_PPID_2)).isPresent();
        // other notifications (plugged in, paused by a schedule) may come first: wait for the completed charge
        waitUpTo(60).until(d -> d.findElements(By.cssSelector("#messages .msg.notification")).stream()
                .skip(before).anyMatch(n -> n.getText().contains("kWh")));
        screenshot("demo-webchat.png");
    }

    @Test
    void statsShowAChartImageAndExportOffersADownload() throws Exception {
        open();
        signIn();
        int before = botMessages().size();
        type("/stats week");
        // the chart is an image the browser loaded (naturalWidth is 0 until it has)
        WebElement img = waitUpTo(60).until(d -> d.findElements(By.cssSelector("#messages .msg.bot img.photo")).stream()
                .filter(i -> Long.parseLong(String.valueOf(((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript("return arguments[0].naturalWidth", i))) >= 1000).findFirst().orElse(null));
        assertThat(img.getAttribute("alt")).startsWith("podpoint-stats-");
        assertThat(botMessages().size()).isGreaterThan(before);
        screenshot("demo-webchat-stats.png");

        type("/export");
        WebElement link = waitUpTo(60).until(d -> d.findElements(By.cssSelector("#messages .msg.bot a.file")).stream()
                .findFirst().orElse(null));
        assertThat(link.getAttribute("download")).isEqualTo("podpoint-charges-all.csv");
        assertThat(link.getText()).contains("podpoint-charges-all.csv");
    }

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    boolean baselineTaken() throws java.sql.SQLException {
        try (var c = dataSource.getConnection();
                var rs = c.createStatement().executeQuery("select count(*) from poll_state where first_poll_done")) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }
}
