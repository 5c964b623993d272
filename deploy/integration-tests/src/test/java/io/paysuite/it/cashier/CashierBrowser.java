package io.paysuite.it.cashier;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver, as a buyer's phone would open
 * the cashier pages: a phone-sized window, the self-signed local certificate accepted, and a fixed
 * {@code Accept-Language}. Waits name what they wait for and quote the page when they give up.
 */
final class CashierBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The suite shares two cores with the services; pages may take a while to answer. */
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private CashierBrowser(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    /** A browser whose {@code Accept-Language} is {@code acceptLanguage} (e.g. {@code en-US,en}). */
    static CashierBrowser start(String acceptLanguage) {
        for (Path required : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(required)) {
                throw new IllegalStateException(required + " is missing: the cashier page tests need Debian's chromium and "
                        + "chromium-driver packages (bin/test installs them)");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=412,915", "--lang=" + acceptLanguage.split(",")[0]);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
        options.setAcceptInsecureCerts(true);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new CashierBrowser(service, new ChromeDriver(service, options));
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    void open(String url) {
        driver.get(url);
    }

    WebDriver driver() {
        return driver;
    }

    /** Forgets the buyer's sessions and language choice: every test starts as a new visitor. */
    void forgetCookies(String anyPageOfTheSite) {
        driver.get(anyPageOfTheSite);
        driver.manage().deleteAllCookies();
    }

    <T> T await(ExpectedCondition<T> condition, String what) {
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(200))
                .withMessage(() -> what + "; the browser is at " + driver.getCurrentUrl() + " showing:\n" + driver.getPageSource())
                .until(d -> {
                    try {
                        return condition.apply(d);
                    } catch (org.openqa.selenium.WebDriverException reloaded) {
                        // a page that reloads itself (the QR page until paid) can swap the element between finding and
                        // reading it; Chromium then answers "Node … does not belong to the document", not a stale element
                        if (reloaded instanceof org.openqa.selenium.StaleElementReferenceException
                                || String.valueOf(reloaded.getMessage()).contains("does not belong to the document")) {
                            return null;
                        }
                        throw reloaded;
                    }
                });
    }

    WebElement visible(String testId) {
        return await(ExpectedConditions.visibilityOfElementLocated(testId(testId)), "waiting for " + testId);
    }

    String text(String testId) {
        return visible(testId).getText();
    }

    /** Waits until element {@code testId} shows {@code text} (a page load may be in between). */
    void awaitText(String testId, String text) {
        await(ExpectedConditions.textToBePresentInElementLocated(testId(testId), text),
                "waiting for " + testId + " to show " + text);
    }

    void type(String testId, String text) {
        WebElement field = visible(testId);
        field.clear();
        field.sendKeys(text);
    }

    void click(String testId) {
        await(ExpectedConditions.elementToBeClickable(testId(testId)), "waiting to click " + testId).click();
    }

    String source() {
        return driver.getPageSource();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
