package org.neuromorph.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The quickstart in a real browser: Debian's classic Jupyter notebook server on loopback, Debian's headless
 * Chromium driven through its ChromeDriver, "run all", then the page is checked: every cell ran without an error,
 * the raster plot was drawn by plotly.js (an SVG with a marker per spike; the library came from the kernel, the
 * machine has no internet), and the browser's console holds no error. A screenshot is kept in
 * target/browser/quickstart.png. Server and browser are started and stopped here.
 */
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void quickstartRunsAndDrawsItsRasterInChromium() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser test needs Debian's chromium and chromium-driver: install/test.sh installs them");
        Path root = Files.createTempDirectory("neuromorph-browser");
        Files.copy(NotebookRunner.notebook("00-quickstart.ipynb"), root.resolve("quickstart.ipynb"));
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String token = UUID.randomUUID().toString();
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/python3", "-m", "notebook",
                "--no-browser", "--ip=127.0.0.1", "--port=" + port, "--port-retries=0",
                "--NotebookApp.token=" + token, "--notebook-dir=" + root));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--allow-root"); // CI containers run as root; the server listens on loopback with a token
        }
        ProcessBuilder server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve("server.log").toFile());
        Map<String, String> env = server.environment();
        env.put("JUPYTER_PATH", NotebookRunner.jupyterPath().toString());
        env.put("JUPYTER_CONFIG_DIR", root.resolve("config").toString());
        env.put("JUPYTER_RUNTIME_DIR", root.resolve("runtime").toString());
        env.put("JUPYTER_DATA_DIR", root.resolve("data").toString());
        Process notebook = server.start();
        ChromeDriver browser = null;
        try {
            String base = "http://127.0.0.1:" + port;
            awaitServer(base + "/api/status?token=" + token, notebook, root);
            browser = chromium(root);
            browser.get(base + "/notebooks/quickstart.ipynb?token=" + token);
            JavascriptExecutor js = browser;
            new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> Boolean.TRUE.equals(js.executeScript(
                    "return !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel"
                            + " && Jupyter.notebook.kernel.is_connected())")));
            js.executeScript("Jupyter.notebook.execute_all_cells();");
            new WebDriverWait(browser, Duration.ofSeconds(300)).pollingEvery(Duration.ofMillis(500)).until(d ->
                    Boolean.TRUE.equals(js.executeScript("return Jupyter.notebook.get_cells()"
                            + ".filter(c => c.cell_type === 'code')"
                            + ".every(c => typeof c.input_prompt_number === 'number')"
                            + " && Jupyter.notebook.kernel_busy === false")));
            Number errors = (Number) js.executeScript("return document.querySelectorAll('.output_error').length");
            assertEquals(0, errors.intValue(), "cells that raised");
            // the raster: drawn by plotly.js into an SVG, one marker per spike (the quickstart's 1385 spikes)
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> ((Number) js.executeScript(
                    "return document.querySelectorAll('.neuromorph-figure svg.main-svg').length")).intValue() > 0);
            Number markers = (Number) js.executeScript("return Math.max(...Array.from(document.querySelectorAll("
                    + "'.neuromorph-figure')).map(f => f.querySelectorAll('.scatterlayer .point').length))");
            assertTrue(markers.intValue() >= 1000, "raster markers drawn: " + markers);
            assertEquals(Boolean.TRUE, js.executeScript("return typeof window.Plotly === 'object'"
                    + " && !Array.from(document.scripts).some(s => s.src && s.src.includes('plot.ly'))"),
                    "plotly.js came from the kernel's output, not a CDN");
            Path shots = NotebookRunner.outputDirectory().resolve("../browser").normalize();
            Files.createDirectories(shots);
            Files.write(shots.resolve("quickstart.png"), browser.getScreenshotAs(OutputType.BYTES));
            List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                    .filter(e -> !e.getMessage().contains("favicon"))
                    .filter(e -> !isNotebooksOwnWidgetsProbe(e.getMessage()))
                    .toList();
            assertTrue(severe.isEmpty(), "console errors: " + severe);
            js.executeScript("Jupyter.notebook.session.delete();"); // stops the kernel through the server
        } finally {
            if (browser != null) {
                browser.quit();
            }
            notebook.destroy();
            if (!notebook.waitFor(20, TimeUnit.SECONDS)) {
                notebook.destroyForcibly();
            }
        }
    }

    /** Held so the setting below stays (java.util.logging keeps loggers weakly). */
    private static final java.util.logging.Logger CDP = java.util.logging.Logger.getLogger(
            "org.openqa.selenium.devtools.CdpVersionFinder");

    private static ChromeDriver chromium(Path root) {
        CDP.setLevel(Level.SEVERE); // "no CDP implementation matching 156": the test uses WebDriver, not CDP
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString()); // no Selenium Manager download
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // headless, and none of Chromium's own background connections (the machine's network is closed)
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,2400",
                "--user-data-dir=" + root.resolve("chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void awaitServer(String url, Process server, Path root) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("the notebook server stopped: " + Files.readString(root.resolve("server.log")));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
                c.setConnectTimeout(1000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the notebook server did not answer in 60 s: "
                + Files.readString(root.resolve("server.log")));
    }

    /**
     * The classic notebook asks for the ipywidgets extension on every page and carries on without it; where no
     * package provides it (a fresh machine) the browser logs the 404 and the refused script. Only those two entries,
     * naming that one path, are the notebook's own; every other console error still fails the test.
     */
    static boolean isNotebooksOwnWidgetsProbe(String message) {
        return message.contains("/nbextensions/widgets/notebook/js/extension.js")
                && (message.contains("404") || message.contains("MIME type ('text/html') is not executable"));
    }
}
