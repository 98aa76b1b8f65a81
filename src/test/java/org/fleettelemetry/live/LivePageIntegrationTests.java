package org.fleettelemetry.live;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The live page in a real headless Chromium: Debian's {@code chromium} and
 * {@code chromium-driver}, given by path so that Selenium downloads nothing. Skipped,
 * saying so, where they are not installed.
 */
class LivePageIntegrationTests extends IntegrationTests {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final String VIN = "SJNFAAZE0U6000001";

	static WebDriver browser;

	static Path profile;

	@BeforeAll
	static void startBrowser() throws IOException {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"No headless browser: install Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
						+ ") to run the live page's browser test");
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
		profile = Files.createTempDirectory("fleet-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// without the network flags Chromium keeps trying to reach the internet
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		if (profile != null) {
			FileSystemUtils.deleteRecursively(profile);
		}
	}

	String counter() {
		return browser.findElement(By.id("distance-km")).getText();
	}

	int milestones() {
		return browser.findElements(By.cssSelector("#milestones li")).size();
	}

	void report(String token, String id, String at, double km) {
		assertThat(this.api.post("/api/v1/vehicles/" + VIN + "/reports", token, Api.odometer(id, at, km)).status())
			.isEqualTo(201);
	}

	@Test
	void showsTheFleetsDistanceMovesItWithoutAReloadAndAddsAMilestoneWhenOneFires() {
		String token = this.api.register(VIN, "NO", 0.0);
		report(token, "odo-1", "2014-09-01T10:00:00Z", 42.5);
		String figure = String.format(Locale.ROOT, "%,.1f",
				this.api.get("/api/v1/fleet/summary", null).decimal("distanceKm").doubleValue());
		assertThat(figure).isEqualTo("42.5");

		browser.get("http://localhost:" + this.port + "/");
		new WebDriverWait(browser, Duration.ofSeconds(20)).until((page) -> figure.equals(counter()));
		assertThat(browser.findElement(By.id("distance-km")).getAttribute("data-km")).isEqualTo("42.5");

		report(token, "odo-2", "2014-09-02T10:00:00Z", 1234.5);
		new WebDriverWait(browser, Duration.ofSeconds(3)).until((page) -> "1,234.5".equals(counter()));

		int before = milestones();
		report(token, "odo-3", "2014-09-30T10:00:00Z", 10_001.5);
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> milestones() > before);
		String newest = browser.findElement(By.cssSelector("#milestones li")).getText();
		// as shown: the kind of milestone is in capitals
		assertThat(newest).contains("VEHICLE", "10,000 km", "SJNFAAZE0U6******");
		assertThat(browser.getPageSource()).doesNotContain(VIN);
	}

	@Test
	void showsTheVehicleMilestonesReachedBeforeItOpened() {
		String token = this.api.register(VIN, "NO", 0.0);
		report(token, "odo-1", "2014-09-30T10:00:00Z", 10_001.5);

		browser.get("http://localhost:" + this.port + "/");
		new WebDriverWait(browser, Duration.ofSeconds(20)).until((page) -> milestones() > 0);
		String latest = browser.findElement(By.cssSelector("#milestones li")).getText();
		assertThat(latest).contains("VEHICLE", "10,000 km", "SJNFAAZE0U6******");
		assertThat(browser.getPageSource()).doesNotContain(VIN);
	}

}
