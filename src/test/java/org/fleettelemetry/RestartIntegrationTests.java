package org.fleettelemetry;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.Instances;
import org.fleettelemetry.support.ReconciliationAssertions;
import org.fleettelemetry.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing that matters lives in the JVM: a restarted service has every credited metre.
 */
@Tag("slow")
class RestartIntegrationTests {

	static final String VIN = "SJNFAAZE0U6000001";

	@Test
	void keepsEveryCreditedMetreAcrossARestart() {
		String token;
		try (ConfigurableApplicationContext first = Instances.start()) {
			TestDatabase.empty(first.getBean(JdbcClient.class));
			Api api = Instances.api(first);
			token = api.register(VIN, "NO", 0.0);
			api.post("/api/v1/vehicles/" + VIN + "/reports", token, Api.odometer("a", "2014-09-30T10:00:00Z", 12.345));
		}
		try (ConfigurableApplicationContext second = Instances.start()) {
			Api api = Instances.api(second);
			assertThat(api.get("/api/v1/vehicles/" + VIN, token).decimal("distanceKm")).isEqualByComparingTo("12.345");
			assertThat(api.get("/api/v1/fleet/summary", null).decimal("distanceKm")).isEqualByComparingTo("12.345");
			Api.Response replay = api.post("/api/v1/vehicles/" + VIN + "/reports", token,
					Api.odometer("a", "2014-09-30T10:00:00Z", 12.345));
			assertThat(replay.text("status")).isEqualTo("DUPLICATE");
			ReconciliationAssertions.assertReconciled(api);
		}
	}

}
