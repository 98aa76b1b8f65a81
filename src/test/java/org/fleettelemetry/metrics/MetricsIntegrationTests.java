package org.fleettelemetry.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.fleettelemetry.support.ExternalTool;
import org.fleettelemetry.support.IntegrationTests;
import org.fleettelemetry.support.ResourceLines;
import org.fleettelemetry.support.Scrape;
import org.junit.jupiter.api.Test;

import static org.fleettelemetry.support.Api.odometer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MetricsIntegrationTests extends IntegrationTests {

	static final String VIN = "SJNFAAZE0U6000001";

	static final String REPORTS = "/api/v1/vehicles/" + VIN + "/reports";

	/**
	 * The names the project publishes itself, as opposed to the JVM's, Tomcat's,
	 * Hikari's.
	 */
	static final List<String> OWN_PREFIXES = List.of("fleet_", "telemetry_", "webhook_");

	static final Pattern OWN_NAME = Pattern.compile("\\b(?:fleet|telemetry|webhook)_[a-z0-9_]+");

	String enrolVehicleAndReport() {
		String token = this.api.register(VIN, "ES", 1000.0);
		assertThat(this.api.post(REPORTS, token, odometer("a", "2014-09-30T10:00:00Z", 1012.345)).status())
			.isEqualTo(201);
		assertThat(this.api.post(REPORTS, token, odometer("a", "2014-09-30T10:00:00Z", 1012.345)).status())
			.isEqualTo(200);
		assertThat(this.api.post(REPORTS, token, odometer("b", "2014-09-30T11:00:00Z", 1000)).status()).isEqualTo(422);
		return token;
	}

	@Test
	void publishesTheContractMetricsWithPrometheusNamesAndHelpTexts() {
		enrolVehicleAndReport();
		String text = Scrape.of(this.port).text();
		for (String gauge : List.of("fleet_distance_meters", "fleet_co2_avoided_grams", "fleet_vehicles",
				"fleet_reports", "fleet_anomalies_open", "fleet_ready")) {
			assertThat(text).contains("# TYPE " + gauge + " gauge").containsPattern("# HELP " + gauge + " \\S+");
		}
		assertThat(text).contains("# TYPE telemetry_reports_total counter")
			.containsPattern("# HELP telemetry_reports_total \\S+")
			.containsPattern("telemetry_reports_total\\{outcome=\"accepted\",reason=\"accepted\"} \\d")
			.containsPattern("telemetry_reports_total\\{outcome=\"duplicate\",reason=\"duplicate\"} \\d")
			.containsPattern("telemetry_reports_total\\{outcome=\"rejected\",reason=\"odometer_rollback\"} \\d")
			.contains("# TYPE telemetry_ingest_seconds histogram")
			.containsPattern("# HELP telemetry_ingest_seconds \\S+");
	}

	@Test
	void fleetGaugesShowTheFiguresInTheDatabase() throws InterruptedException {
		enrolVehicleAndReport();
		this.api.register("SJNFAAZE0U6000002", "FR", null);
		// the gauges are refreshed in the background: wait for this test's figures
		Scrape scrape = awaitScrape(
				(s) -> s.value("fleet_vehicles").orElse(0) == 2 && s.value("fleet_distance_meters").orElse(0) == 12345
						&& s.value("fleet_anomalies_open").orElse(0) == 1);
		assertThat(scrape.value("fleet_distance_meters")).hasValue(12345);
		// 12.345 km at 170 g/km
		assertThat(scrape.value("fleet_co2_avoided_grams")).hasValue(2098);
		assertThat(scrape.value("fleet_reports")).hasValue(1);
		// the rollback, quarantined
		assertThat(scrape.value("fleet_anomalies_open")).hasValue(1);
		assertThat(scrape.value("fleet_ready")).hasValue(1);
	}

	@Test
	void timesEachReportEndpointByStatusInHistogramBuckets() {
		Scrape before = Scrape.of(this.port);
		String token = enrolVehicleAndReport();
		this.api.post(REPORTS + "/batch", token, List.of(odometer("c", "2014-09-30T12:00:00Z", 1020)));
		this.api.post("/api/v1/reports/batch", GATEWAY_TOKEN, List.of(Map.of("vin", VIN, "reportId", "d", "type",
				"ODOMETER", "recordedAt", "2014-09-30T13:00:00Z", "odometerKm", 1030)));
		this.api.post(REPORTS, "wrong-token", odometer("e", "2014-09-30T14:00:00Z", 1040));
		Scrape after = Scrape.of(this.port);
		Map<List<String>, Double> expected = Map.of(List.of("single", "201"), 1.0, List.of("single", "200"), 1.0,
				List.of("single", "422"), 1.0, List.of("single", "401"), 1.0, List.of("vehicle_batch", "200"), 1.0,
				List.of("gateway_batch", "200"), 1.0);
		expected.forEach((tags, count) -> {
			Map<String, String> labels = Map.of("endpoint", tags.get(0), "status", tags.get(1));
			assertThat(after.valueOrZero("telemetry_ingest_seconds_count", labels)
					- before.valueOrZero("telemetry_ingest_seconds_count", labels))
				.as("requests timed for %s", tags)
				.isEqualTo(count);
		});
		Map<String, String> slowest = Map.of("endpoint", "single", "status", "201", "le", "2.0");
		Map<String, String> fastest = Map.of("endpoint", "single", "status", "201", "le", "0.001");
		assertThat(after.value("telemetry_ingest_seconds_bucket", slowest)).isPresent();
		assertThat(after.value("telemetry_ingest_seconds_bucket", fastest)).isPresent();
		assertThat(after.value("telemetry_ingest_seconds_bucket", Map.of("endpoint", "single", "le", "+Inf")))
			.isPresent();
	}

	@Test
	void timesReportRequestsOnceAndEveryOtherRequestAsUsual() throws InterruptedException {
		String token = enrolVehicleAndReport();
		this.api.post(REPORTS + "/batch", token, List.of(odometer("f", "2014-09-30T15:00:00Z", 1050)));
		this.api.get("/api/v1/fleet/countries", null);
		// a request's timing is recorded just after its answer
		Scrape after = awaitScrape(
				(s) -> s.value("http_server_requests_seconds_count", Map.of("uri", "/api/v1/fleet/countries"))
					.isPresent());
		assertThat(after.value("telemetry_ingest_seconds_count", Map.of("endpoint", "vehicle_batch"))).isPresent();
		assertThat(after.value("http_server_requests_seconds_count", Map.of("uri", "/api/v1/vehicles/{vin}/reports")))
			.isEmpty();
		assertThat(after.value("http_server_requests_seconds_count",
				Map.of("uri", "/api/v1/vehicles/{vin}/reports/batch")))
			.isEmpty();
		assertThat(
				after.value("http_server_requests_seconds_count", Map.of("uri", "/api/v1/vehicles", "method", "POST")))
			.isPresent();
	}

	@Test
	void promtoolFindsNothingToSayAboutTheProjectsOwnMetrics() {
		ExternalTool.PROMTOOL.assumeInstalled();
		enrolVehicleAndReport();
		ExternalTool.Result result = ExternalTool.PROMTOOL.run(Path.of("."), Scrape.of(this.port).text(), "check",
				"metrics");
		// exit code 1 is a parse error; 3 is lint findings, which Micrometer's own JVM
		// and Tomcat names have
		assertThat(result.exitCode()).as(result.output()).isIn(0, 3);
		List<String> ours = result.lines()
			.stream()
			.filter((line) -> OWN_PREFIXES.stream().anyMatch(line::startsWith))
			.toList();
		assertThat(ours).as("promtool findings on the project's own metric names").isEmpty();
	}

	@Test
	void dashboardAndAlertsUseOnlyMetricsTheServicePublishes() throws IOException {
		enrolVehicleAndReport();
		Set<String> published = Scrape.of(this.port).sampleNames();
		Set<String> elsewhere = new TreeSet<>(ResourceLines.of("/metrics-from-other-modules.txt"));
		Set<String> used = new TreeSet<>();
		List<String> sources = new ArrayList<>(MonitoringStackTests.dashboardExpressions());
		sources.add(Files.readString(MonitoringStackTests.PROMETHEUS.resolve("alerts.yml")));
		sources.forEach((source) -> OWN_NAME.matcher(source).results().forEach((name) -> used.add(name.group())));
		assertThat(used).contains("fleet_distance_meters", "telemetry_reports_total",
				"telemetry_ingest_seconds_bucket");
		assertThat(used.stream().filter((name) -> !published.contains(name) && !elsewhere.contains(name)))
			.as("metric names the dashboard or the alerts use but nothing publishes")
			.isEmpty();
		assertThat(elsewhere.stream().filter(published::contains))
			.as("published now: delete from metrics-from-other-modules.txt so that they are checked")
			.isEmpty();
	}

	private Scrape awaitScrape(java.util.function.Predicate<Scrape> condition) {
		return await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> Scrape.of(this.port), condition);
	}

}
