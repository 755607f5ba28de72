package org.aguavoz.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (.ci/run installs both; nothing downloads a
 * browser). Missing binaries fail the test with what to install. Public because the public figures page (another
 * package) has a browser test too.
 */
public final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    public static WebDriver start() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException(BROWSER + " or " + DRIVER
                    + " is missing: install Debian's chromium and chromium-driver (.ci/run does)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--window-size=1280,900", "--lang=es");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // A form post's navigation may still be under way when the next lookup starts: look again for a while.
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
        return driver;
    }

    /**
     * Saves what the browser shows now, at the given width, as a screenshot the README shows. It is written into the
     * repository (deploy/screenshots/), not under target/, on purpose: the README's pictures are taken by a test
     * (DemoStartIT, on the packaged demo) so that they show the pages as they are, and a change to a page shows up as
     * a changed PNG to commit.
     */
    public static Path readmeScreenshot(WebDriver browser, String name, int width, int height) {
        org.openqa.selenium.Dimension before = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
            return save(browser, Path.of("deploy", "screenshots", name + ".png"));
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    /** Saves what the browser shows now under target/screenshots/. */
    public static Path screenshot(WebDriver browser, String name) {
        return save(browser, Path.of("target", "screenshots", name + ".png"));
    }

    private static Path save(WebDriver browser, Path file) {
        try {
            Path target = file.toAbsolutePath();
            Files.createDirectories(target.getParent());
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
