package pena.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import pena.TestModels;
import pena.model.ModelFile;
import pena.model.PenaModel;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page in a real browser: Debian's headless Chromium through its chromedriver (.ci/run
 * installs both). Generates text, opens the gates view and the layer stack, switches language,
 * and leaves screenshots in target/. The model is a small untrained one, or the model file named
 * by PENA_SCREENSHOT_MODEL (for screenshots of a trained model).
 */
class ClassroomPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static ClassroomServer server;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "chromium and chromium-driver are not installed (.ci/run installs them: apt-get install chromium chromium-driver)");
        String trained = System.getenv("PENA_SCREENSHOT_MODEL");
        PenaModel model = trained != null ? ModelFile.load(Path.of(trained), false)
                : TestModels.untrained("Capitu olhou para mim, sem dizer nada. A casa, a rua.\n", 2, 32);
        server = new ClassroomServer(List.of(new ServedModel("1", "modelo", model)), "127.0.0.1", 0, 5,
                new PrintWriter(new StringWriter()));
        server.start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1800",
                "--user-data-dir=" + Files.createTempDirectory("pena-chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void generatesTextThenShowsTheGatesAndTheLayers() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30)) {
            @Override
            public <V> V until(java.util.function.Function<? super WebDriver, V> isTrue) {
                try {
                    return super.until(isTrue);
                } catch (org.openqa.selenium.TimeoutException e) {
                    throw new AssertionError(e.getMessage().lines().findFirst().orElse("") + "; browser log: "
                            + browser.manage().logs().get(LogType.BROWSER).getAll(), e);
                }
            }
        };
        browser.get("http://127.0.0.1:" + server.port() + "/");
        wait.until(d -> d.findElements(By.cssSelector("#model option")).size() == 1);
        assertEquals("Gerar", browser.findElement(By.cssSelector(".tab[data-tab=gerar]")).getText());

        setValue("prime", "Capitu ");
        setValue("length", "120");
        setValue("seed", "3");
        browser.findElement(By.id("generate")).click();
        wait.until(ExpectedConditions.textMatches(By.id("generate-status"), java.util.regex.Pattern.compile("120 caracteres")));
        String generated = browser.findElement(By.cssSelector("#output .generated")).getAttribute("textContent");
        assertEquals(120, generated.codePointCount(0, generated.length()));
        assertEquals(10, browser.findElements(By.cssSelector("#next-chart .bar")).size());
        // under the page's Content-Security-Policy the bars' widths are set through the style object
        String width = browser.findElement(By.cssSelector("#next-chart .fill")).getAttribute("style");
        assertTrue(width.contains("width"), "bar width not applied: '" + width + "'");
        screenshot("serve-gerar.png");

        browser.findElement(By.cssSelector(".tab[data-tab=celula]")).click();
        setValue("sentence", "Capitu olhou para mim, sem dizer nada.");
        browser.findElement(By.id("inspect")).click();
        wait.until(d -> d.findElements(By.cssSelector("#heatmaps canvas")).size() == 2 * 6);
        WebElement forget = browser.findElements(By.cssSelector("#heatmaps .heat .title")).get(1);
        assertTrue(forget.getText().contains("portão de esquecimento"), forget.getText());
        browser.findElement(By.id("step-forward")).click();
        assertTrue(browser.findElement(By.id("step-label")).getText().startsWith("passo 2/"),
                browser.findElement(By.id("step-label")).getText());
        assertTrue(browser.findElement(By.id("diagram")).getAttribute("innerHTML").contains("ft σ"));
        screenshot("serve-celula.png");

        browser.findElement(By.cssSelector(".tab[data-tab=camadas]")).click();
        assertEquals(2, browser.findElements(By.cssSelector("#stack .units")).size());
        screenshot("serve-camadas.png");

        browser.findElement(By.id("lang")).click();
        assertEquals("Generate", browser.findElement(By.cssSelector(".tab[data-tab=gerar]")).getText());
        browser.findElement(By.cssSelector(".tab[data-tab=modelo]")).click();
        assertTrue(browser.findElement(By.id("model-table")).getText().contains("parameters"));

        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(severe.isEmpty(), "browser errors: " + severe);
    }

    private static void setValue(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, value);
    }

    private static void screenshot(String name) throws IOException {
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
