package io.segmentbeam.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's chromium, headless, driven through its chromedriver: the browser a report is opened in
 * by the tests. Both programs are found on the PATH; {@code .ci/run} installs them.
 */
final class HeadlessChromium implements AutoCloseable {
  /**
   * Selenium warns that it has no DevTools bindings for this Chromium; the WebDriver protocol the
   * tests use needs none. Held here, as java.util.logging keeps loggers only weakly.
   */
  private static final Logger DEVTOOLS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    DEVTOOLS.setLevel(Level.OFF);
  }

  private final ChromeDriver driver;

  HeadlessChromium(int width, int height) {
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(program("chromedriver").toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions().setBinary(program("chromium").toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--window-size=" + width + "," + height);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    driver = new ChromeDriver(service, options);
  }

  /** Opens a page and waits for it to load. */
  void open(Path page) {
    driver.get(page.toUri().toString());
  }

  /** What a script returns in the page: numbers, strings, lists and maps, as Selenium converts them. */
  Object run(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  /** The console's warnings and errors, and the page's uncaught exceptions, so far. */
  List<String> consoleProblems() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
        .map(LogEntry::toString).toList();
  }

  byte[] screenshot() {
    return driver.getScreenshotAs(OutputType.BYTES);
  }

  @Override
  public void close() {
    driver.quit();
  }

  private static Path program(String name) {
    for (String folder : System.getenv("PATH").split(File.pathSeparator)) {
      Path program = Path.of(folder, name);
      if (Files.isExecutable(program)) {
        return program;
      }
    }
    throw new IllegalStateException(name + " is not on the PATH: install Debian's chromium and chromium-driver "
        + "(apt-get install chromium chromium-driver), as .ci/run does");
  }
}
