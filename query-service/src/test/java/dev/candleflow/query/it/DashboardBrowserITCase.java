package dev.candleflow.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candleflow.local.ClickHouseExtension;
import dev.candleflow.local.KafkaExtension;
import dev.candleflow.query.testutils.Http;
import dev.candleflow.query.testutils.Pipeline;
import dev.candleflow.query.testutils.PipelineExtension;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in Debian's headless Chromium (installed by src/test/browser/install.sh when
 * missing), while the job runs: the chart holds the candles ClickHouse has, a live update arrives
 * over the stream, and screenshots go to target/it-artifacts.
 */
@ExtendWith({ClickHouseExtension.class, KafkaExtension.class, PipelineExtension.class})
class DashboardBrowserITCase {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static Pipeline pipeline;
    static ChromeDriver driver;
    static Path artifacts;

    @BeforeAll
    static void setUp(Pipeline p) throws Exception {
        pipeline = p;
        ensureChromium();
        artifacts =
                Path.of(System.getProperty("candleflow.query.artifacts", "target/it-artifacts"));
        Files.createDirectories(artifacts);
        Path profile = Files.createTempDirectory("candleflow-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--window-size=1440,960",
                "--user-data-dir=" + profile);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .usingAnyFreePort()
                        .build();
        driver = new ChromeDriver(service, options);
    }

    static void ensureChromium() throws Exception {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String script =
                System.getProperty(
                        "candleflow.query.browser-install", "src/test/browser/install.sh");
        Process p = new ProcessBuilder("bash", script).inheritIO().start();
        assertThat(p.waitFor()).as("%s installs chromium and chromium-driver", script).isZero();
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)).isTrue();
    }

    @AfterAll
    static void tearDown() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void chartShowsClickHouseCandlesThenALiveUpdate() throws Exception {
        driver.get(pipeline.uri().toString());
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> "true".equals(body(d, "data-history-loaded")));
        int charted = Integer.parseInt(body(driver, "data-candles"));
        String symbol = driver.findElement(By.id("symbol")).getAttribute("value");
        String venue = driver.findElement(By.id("venue")).getAttribute("value");
        String interval = driver.findElement(By.id("interval")).getAttribute("value");
        assertThat(symbol).isEqualTo("BTC-USDT");
        assertThat(charted).isGreaterThanOrEqualTo(20);
        int inClickHouse =
                new ObjectMapper()
                        .readTree(
                                new Http(pipeline.uri())
                                        .get(
                                                "/v1/candles?order=desc&limit=500&symbol="
                                                        + symbol
                                                        + "&venue="
                                                        + venue
                                                        + "&interval="
                                                        + interval,
                                                "X-API-Key",
                                                pipeline.key("browser"))
                                        .body())
                        .get("data")
                        .size();
        assertThat(charted).isBetween(inClickHouse - 5, inClickHouse);
        wait.until(d -> Integer.parseInt(orZero(body(d, "data-live-events"))) >= 2);
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Live");
        wait.until(d -> !d.findElement(By.id("venues")).getText().contains("Loading"));
        Thread.sleep(1500); // let the side panels paint before the picture
        screenshot("dashboard-" + theme() + ".png");
        driver.findElement(By.id("theme")).click();
        Thread.sleep(800);
        screenshot("dashboard-" + theme() + ".png");
        driver.manage().window().setSize(new Dimension(430, 1400));
        Thread.sleep(800);
        screenshot("dashboard-narrow-" + theme() + ".png");
    }

    static String theme() {
        return String.valueOf(
                driver.executeScript("return document.documentElement.dataset.theme"));
    }

    static String body(WebDriver d, String attribute) {
        return d.findElement(By.tagName("body")).getAttribute(attribute);
    }

    static String orZero(String s) {
        return s == null || s.isEmpty() ? "0" : s;
    }

    static void screenshot(String name) throws Exception {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(
                shot.toPath(),
                artifacts.resolve(name),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
