package org.fleettelemetry.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fleettelemetry.support.ExternalTool;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files of the compose stack: alert rules Prometheus accepts and that fire when they
 * should, a dashboard Grafana can load, a compose file Docker Compose accepts, an image
 * that does not run as root.
 */
class MonitoringStackTests {

	static final Path PROMETHEUS = Path.of("ops/prometheus");

	static final Path DASHBOARD = Path.of("ops/grafana/dashboards/fleet-telemetry.json");

	static JsonNode dashboard() throws IOException {
		return JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
	}

	/**
	 * Every PromQL expression of the dashboard, panel by panel.
	 */
	static List<String> dashboardExpressions() throws IOException {
		List<String> expressions = new ArrayList<>();
		dashboard().path("panels")
			.forEach((panel) -> panel.path("targets")
				.forEach((target) -> expressions.add(target.path("expr").asString())));
		return expressions;
	}

	/**
	 * Runs promtool in ops/prometheus, where the test is skipped without it, and expects
	 * success.
	 */
	static ExternalTool.Result promtool(String... arguments) {
		ExternalTool.PROMTOOL.assumeInstalled();
		ExternalTool.Result result = ExternalTool.PROMTOOL.run(PROMETHEUS, null, arguments);
		assertThat(result.exitCode()).as(result.output()).isZero();
		return result;
	}

	@Test
	void alertRulesAreValid() {
		assertThat(promtool("check", "rules", "alerts.yml").output()).contains("SUCCESS: 9 rules found");
	}

	@Test
	void alertsFireOnTheTroubleTheyNameAndStayQuietOtherwise() {
		assertThat(promtool("test", "rules", "alerts-tests.yml").output()).contains("SUCCESS");
	}

	@Test
	void prometheusConfigurationIsValidAndLoadsTheRules() {
		assertThat(promtool("check", "config", "prometheus.yml").output()).contains("1 rule files found");
	}

	@Test
	void dashboardPanelsQueryThePrometheusDatasourceOfTheStack() throws IOException {
		JsonNode dashboard = dashboard();
		assertThat(dashboard.path("uid").asString()).isEqualTo("fleet-telemetry");
		assertThat(dashboard.path("panels").size()).isGreaterThanOrEqualTo(8);
		String datasources = Files.readString(Path.of("ops/grafana/provisioning/datasources/prometheus.yml"));
		dashboard.path("panels").forEach((panel) -> {
			assertThat(panel.path("title").asString()).isNotBlank();
			assertThat(panel.path("targets").size()).as(panel.path("title").asString()).isPositive();
			String uid = panel.path("datasource").path("uid").asString();
			assertThat(datasources).contains("uid: " + uid);
			panel.path("targets").forEach((target) -> assertThat(target.path("expr").asString()).isNotBlank());
		});
		assertThat(String.join("\n", dashboardExpressions())).contains("fleet_distance_meters",
				"fleet_co2_avoided_grams", "telemetry_reports_total", "telemetry_ingest_seconds_bucket",
				"fleet_milestones_reached_total", "fleet_reconciliation_drift_meters");
	}

	@Test
	void composeFileIsValid() {
		ExternalTool.DOCKER_COMPOSE.assumeInstalled();
		ExternalTool.Result result = ExternalTool.DOCKER_COMPOSE.run(Path.of("."), null, "config", "-q");
		assertThat(result.exitCode()).as(result.output()).isZero();
	}

	@Test
	void imageRunsAsAnUnprivilegedUser() throws IOException {
		List<String> users = Files.readAllLines(Path.of("Dockerfile"))
			.stream()
			.filter((line) -> line.startsWith("USER "))
			.toList();
		assertThat(users).isNotEmpty();
		assertThat(users.get(users.size() - 1)).doesNotContain("root").doesNotMatch("USER 0(:.*)?");
	}

}
