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
 * installs both). Generates text, opens the gates view and the layer stack, clicks a character in
 * the memory tab, compares two models, switches language, and leaves screenshots in target/. The
 * models are a small untrained LSTM and a plain RNN, or the model files named by
 * PENA_SCREENSHOT_MODEL and PENA_SCREENSHOT_MODEL_2 (for screenshots of trained models).
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ClassroomPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static ClassroomServer server;
    private static WebDriver browser;
    private static Path liveModels;

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "chromium and chromium-driver are not installed (.ci/run installs them: apt-get install chromium chromium-driver)");
        String trained = System.getenv("PENA_SCREENSHOT_MODEL");
        String second = System.getenv("PENA_SCREENSHOT_MODEL_2");
        String text = "Capitu olhou para mim, sem dizer nada, e disse que não sabia de nada. A casa, a rua, o rio.\n";
        PenaModel model = trained != null ? ModelFile.load(Path.of(trained), false) : TestModels.untrained(text, 2, 32);
        PenaModel other = second != null ? ModelFile.load(Path.of(second), false) : TestModels.untrained(text, 1, 40,
                pena.nn.CellType.RNN);
        // the Treinar tab's room: a copy of the bundled sample, and models written to a folder of the test's
        Path work = Files.createTempDirectory("pena-live");
        Path library = work.resolve("corpora");
        Path sample = Path.of("corpora", "amostra");
        Files.createDirectories(library.resolve("amostra"));
        if (Files.isDirectory(sample)) {
            try (var files = Files.list(sample)) {
                for (Path f : files.toList()) {
                    Files.copy(f, library.resolve("amostra").resolve(f.getFileName()));
                }
            }
        } else {
            Files.writeString(library.resolve("amostra").resolve("texto.txt"), text.repeat(200));
        }
        liveModels = work.resolve("models");
        TrainingRoom room = new TrainingRoom(TrainingLimits.defaults(), new PageValidation(),
                new pena.corpus.CorpusLibrary(library, pena.corpus.Catalog.standard()), liveModels,
                new PrintWriter(new StringWriter()));
        server = new ClassroomServer(List.of(new ServedModel("1", trained != null ? Path.of(trained).getFileName()
                        .toString().replace(".zip", "") : "modelo", model),
                new ServedModel("2", second != null ? Path.of(second).getFileName().toString().replace(".zip", "")
                        : "rnn", other)), "127.0.0.1", 0, ServerLimits.defaults(30), new PrintWriter(new StringWriter()),
                room, false);
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

    private static WebDriverWait waiting(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds)) {
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
    }

    /**
     * The Treinar tab drives a whole run: upload a text, start a small model on the bundled sample,
     * see the curve and samples arrive, stop it, find it in the selector and generate from it.
     * PENA_LIVE_MINUTES, PENA_LIVE_HIDDEN, PENA_LIVE_DROPOUT and PENA_LIVE_TO_END (let the budget run out instead of
     * stopping) make the run the README's; the run's JSON is left in target/live-run.json.
     */
    @Test
    @org.junit.jupiter.api.Order(2)
    void trainsAModelLiveFromThePageAndGeneratesFromIt() throws IOException {
        String minutes = System.getenv().getOrDefault("PENA_LIVE_MINUTES", "1");
        String hidden = System.getenv().getOrDefault("PENA_LIVE_HIDDEN", "48");
        boolean toEnd = System.getenv("PENA_LIVE_TO_END") != null;
        String dropout = System.getenv().getOrDefault("PENA_LIVE_DROPOUT", "0");
        WebDriverWait wait = waiting(30);
        browser.get("http://127.0.0.1:" + server.port() + "/");
        wait.until(d -> d.findElements(By.cssSelector("#model option")).size() == 2);
        browser.findElement(By.cssSelector(".tab[data-tab=treinar]")).click();
        assertEquals("Treinar", browser.findElement(By.cssSelector(".tab[data-tab=treinar]")).getText());
        wait.until(d -> d.findElements(By.cssSelector("#train-corpus option[value=amostra]")).size() == 1);

        // an upload is read as pena train reads a corpus, and becomes a choice
        Path upload = Files.createTempDirectory("pena-upload").resolve("Minha turma.txt");
        Files.writeString(upload, "A turma escreveu esta história juntos.\n".repeat(50));
        browser.findElement(By.id("train-file")).sendKeys(upload.toString());
        wait.until(ExpectedConditions.textMatches(By.id("train-status"), java.util.regex.Pattern.compile("pronto a treinar")));
        assertEquals("minha-turma.txt", browser.findElement(By.id("train-corpus")).getAttribute("value"));

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("train-corpus"))).selectByValue("amostra");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("train-cell"))).selectByValue("lstm");
        setValue("train-layers", "2");
        setValue("train-hidden", hidden);
        setValue("train-minutes", minutes);
        setValue("train-dropout", dropout);
        setValue("train-name", "ao-vivo");
        browser.findElement(By.id("train-start")).click();
        wait.until(d -> d.findElement(By.id("live")).isDisplayed());
        // every open page sees the same run: a second page, opened now, shows it too
        String first = browser.getWindowHandle();
        browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        browser.get("http://127.0.0.1:" + server.port() + "/");
        wait.until(d -> d.findElement(By.id("live")).isDisplayed()
                && d.findElement(By.id("live")).getText().contains("ao vivo: lstm 2×" + hidden));
        browser.findElement(By.cssSelector(".tab[data-tab=treinar]")).click();
        wait.until(d -> d.findElement(By.id("train-start")).getAttribute("disabled") != null);
        browser.close();
        browser.switchTo().window(first);
        WebDriverWait run = waiting((int) (Double.parseDouble(minutes) * 60) + 120);
        // the curve (training loss and validation BPC) and at least two samples arrive while it trains
        run.until(d -> d.findElements(By.cssSelector("#train-samples li")).size() >= (toEnd ? 4 : 3) // and one before
                && d.findElements(By.cssSelector("#train-curve polyline")).size() == 2);
        assertTrue(browser.findElement(By.id("train-status")).getText().contains("caracteres/s"),
                browser.findElement(By.id("train-status")).getText());
        assertTrue(browser.findElement(By.id("live")).getText().contains("lstm 2×" + hidden + " em amostra"),
                browser.findElement(By.id("live")).getText());
        assertTrue(browser.findElement(By.id("train-start")).getAttribute("disabled") != null,
                "start is enabled while a run trains");
        if (toEnd) {
            run.until(d -> d.findElement(By.id("train-status")).getText().startsWith("terminado"));
        } else {
            screenshot("serve-treinar.png");
            browser.findElement(By.id("train-stop")).click();
            run.until(d -> d.findElement(By.id("train-status")).getText().startsWith("parado"));
        }
        String samples = browser.findElement(By.id("train-samples")).getText();
        assertTrue(samples.contains("BPC"), samples);
        if (toEnd) {
            screenshot("serve-treinar.png");
            Files.writeString(Path.of("target", "live-run.json"), (String) ((JavascriptExecutor) browser)
                    .executeAsyncScript("const done = arguments[arguments.length - 1]; "
                            + "fetch('api/training').then(r => r.text()).then(done);"));
        }
        assertTrue(Files.exists(liveModels.resolve("ao-vivo.zip")), "no best model file");

        // the new model is in the selector, and generates
        wait.until(d -> d.findElements(By.cssSelector("#model option")).size() == 3);
        WebElement option = browser.findElements(By.cssSelector("#model option")).get(2);
        assertTrue(option.getText().startsWith("ao-vivo (lstm 2×" + hidden + ")"), option.getText());
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("model"))).selectByIndex(2);
        browser.findElement(By.cssSelector(".tab[data-tab=gerar]")).click();
        setValue("prime", "A ");
        setValue("length", "80");
        setValue("seed", "5");
        browser.findElement(By.id("generate")).click();
        wait.until(ExpectedConditions.textMatches(By.id("generate-status"), java.util.regex.Pattern.compile("80 caracteres")));
        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(severe.isEmpty(), "browser errors: " + severe);
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void generatesTextThenShowsTheGatesAndTheLayers() throws IOException {
        WebDriverWait wait = waiting(30);
        browser.get("http://127.0.0.1:" + server.port() + "/");
        wait.until(d -> d.findElements(By.cssSelector("#model option")).size() == 2);
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

        // Memória: click a character, the ones before it are shaded and every model's curve appears
        browser.findElement(By.cssSelector(".tab[data-tab=memoria]")).click();
        setValue("memory-sentence", "Capitu olhou para mim e disse que não sabia de nada.");
        browser.findElement(By.id("memory-show")).click();
        wait.until(d -> d.findElements(By.cssSelector("#memory-text span.target")).size() == 1);
        List<WebElement> characters = browser.findElements(By.cssSelector("#memory-text span"));
        assertEquals(52, characters.size());
        characters.get(22).click(); // the 'e' of "mim e"
        wait.until(d -> d.findElement(By.id("memory-info")).getText().startsWith("previsão de 'e'"));
        List<WebElement> shaded = browser.findElements(By.cssSelector("#memory-text span[data-bg]"));
        assertEquals(22, shaded.size(), "every character before the predicted one is shaded");
        assertTrue(shaded.get(21).getAttribute("style").contains("background"), "shading not applied");
        assertEquals(1, browser.findElements(By.cssSelector("#memory-text span.target")).size());
        // the LSTM's influence and its two forget paths, the RNN's influence
        wait.until(d -> d.findElements(By.cssSelector("#memory-curves polyline")).size() == 4);
        assertTrue(browser.findElement(By.id("memory-legend")).getText().contains("além de 20"),
                browser.findElement(By.id("memory-legend")).getText());
        screenshot("serve-memoria.png");

        // Comparar: the two models read the same sentence
        browser.findElement(By.cssSelector(".tab[data-tab=comparar]")).click();
        setValue("compare-sentence", "Capitu olhou para mim e disse que não sabia de nada.");
        browser.findElement(By.id("compare-show")).click();
        wait.until(d -> d.findElements(By.cssSelector("#compare-surprisal .chars-row")).size() == 2);
        browser.findElements(By.cssSelector("#compare-surprisal .chars-row[data-model='1'] span")).get(6).click();
        wait.until(d -> d.findElements(By.cssSelector("#compare-next h4")).size() == 2
                && d.findElement(By.id("compare-next")).getText().contains("depois de '·'"));
        assertEquals(2 * 5, browser.findElements(By.cssSelector("#compare-next .bar")).size());
        int lstmGates = 6;
        int rnnStates = 1;
        assertEquals(lstmGates + rnnStates, browser.findElements(By.cssSelector("#compare-heatmaps canvas")).size());
        wait.until(d -> d.findElements(By.cssSelector("#compare-curves polyline")).size() == 4);
        screenshot("serve-comparar.png");

        // Unidades: every feature listed, the present ones with their best units and coloured text
        browser.findElement(By.cssSelector(".tab[data-tab=unidades]")).click();
        browser.findElement(By.id("units-show")).click();
        wait.until(d -> d.findElements(By.cssSelector("#units-list .unit-feature")).size() == 8);
        assertTrue(browser.findElements(By.cssSelector("#units-list .unit-feature ol li")).size() >= 3,
                browser.findElement(By.id("units-list")).getText());
        WebElement coloured = browser.findElement(By.cssSelector("#units-list .unit-text span"));
        assertTrue(coloured.getAttribute("style").contains("background"), "unit colours not applied");
        assertTrue(browser.findElement(By.id("units-list")).getText().contains("uma letra maiúscula"));
        screenshot("serve-unidades.png");

        browser.findElement(By.id("lang")).click();
        assertEquals("Generate", browser.findElement(By.cssSelector(".tab[data-tab=gerar]")).getText());
        browser.findElement(By.cssSelector(".tab[data-tab=modelo]")).click();
        assertTrue(browser.findElement(By.id("model-table")).getText().contains("parameters"));

        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(severe.isEmpty(), "browser errors: " + severe);
    }

    /** pena serve without --model: the page opens on Treinar, and an action that needs a model says why it cannot. */
    @Test
    @org.junit.jupiter.api.Order(3)
    void anEmptyPageOpensOnTreinarAndSaysWhatIsMissing() throws IOException {
        Path work = Files.createTempDirectory("pena-empty");
        Files.createDirectories(work.resolve("corpora"));
        TrainingRoom room = new TrainingRoom(TrainingLimits.defaults(), new PageValidation(),
                new pena.corpus.CorpusLibrary(work.resolve("corpora"), pena.corpus.Catalog.standard()),
                work.resolve("models"), new PrintWriter(new StringWriter()));
        try (ClassroomServer empty = new ClassroomServer(List.of(), "127.0.0.1", 0, ServerLimits.defaults(30),
                new PrintWriter(new StringWriter()), room, false)) {
            empty.start();
            WebDriverWait wait = waiting(30);
            browser.get("http://127.0.0.1:" + empty.port() + "/");
            wait.until(d -> d.findElement(By.id("tab-treinar")).isDisplayed());
            assertEquals("(nenhum modelo ainda)", browser.findElement(By.cssSelector("#model option")).getText());
            browser.findElement(By.cssSelector(".tab[data-tab=gerar]")).click();
            browser.findElement(By.id("generate")).click();
            wait.until(ExpectedConditions.textMatches(By.id("generate-status"),
                    java.util.regex.Pattern.compile("Ainda não há modelo: treine o primeiro na aba Treinar")));
            browser.findElement(By.cssSelector(".tab[data-tab=modelo]")).click();
            assertTrue(browser.findElement(By.id("model-table")).getText().contains("Ainda não há modelo"));
            browser.findElement(By.id("lang")).click();
            assertEquals("(no model yet)", browser.findElement(By.cssSelector("#model option")).getText());
            List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
            assertTrue(severe.isEmpty(), "browser errors: " + severe);
        }
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
