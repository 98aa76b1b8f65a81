package org.fleettelemetry;

import java.util.Map;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.IntegrationTests;
import org.fleettelemetry.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing that matters lives in the JVM: a restarted service has every credited metre.
 */
class RestartIntegrationTests {

	static final String VIN = "SJNFAAZE0U6000001";

	static ConfigurableApplicationContext start() {
		TestDatabase.Connection db = TestDatabase.get();
		return new SpringApplicationBuilder(FleetTelemetryApplication.class)
			.run("--server.port=0", "--spring.datasource.url=" + db.jdbcUrl(),
					"--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password(),
					"--fleet.admin.token=" + IntegrationTests.ADMIN_TOKEN);
	}

	static Api api(ConfigurableApplicationContext context) {
		return new Api("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());
	}

	@Test
	void keepsEveryCreditedMetreAcrossARestart() {
		String token;
		try (ConfigurableApplicationContext first = start()) {
			TestDatabase.empty(first.getBean(JdbcClient.class));
			Api api = api(first);
			token = api.register(VIN, "NO", 0.0);
			api.post("/api/v1/vehicles/" + VIN + "/reports", token,
					Map.of("reportId", "a", "type", "ODOMETER", "recordedAt", "2014-09-30T10:00:00Z", "odometerKm", 12.345));
		}
		try (ConfigurableApplicationContext second = start()) {
			Api api = api(second);
			assertThat(api.get("/api/v1/vehicles/" + VIN, token).decimal("distanceKm")).isEqualByComparingTo("12.345");
			assertThat(api.get("/api/v1/fleet/summary", null).decimal("distanceKm")).isEqualByComparingTo("12.345");
			Api.Response replay = api.post("/api/v1/vehicles/" + VIN + "/reports", token,
					Map.of("reportId", "a", "type", "ODOMETER", "recordedAt", "2014-09-30T10:00:00Z", "odometerKm", 12.345));
			assertThat(replay.text("status")).isEqualTo("DUPLICATE");
		}
	}

}
