package org.fleettelemetry.security;

import java.time.Duration;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.Api.Response;
import org.fleettelemetry.support.Instances;
import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("slow")
class TokenRotationIntegrationTests extends IntegrationTests {

	static final String ROTATED = "SJNFAAZE0U6000011";

	static final String KEPT = "SJNFAAZE0U6000012";

	@Test
	void aTokenRotatedOnOneInstanceStopsWorkingOnAnotherThatCachedItForLong() throws InterruptedException {
		String rotatedToken = this.api.register(ROTATED, "ES", 0.0);
		String keptToken = this.api.register(KEPT, "ES", 0.0);
		try (ConfigurableApplicationContext instance = Instances.start("fleet.vehicle-token-cache-ttl=1h",
				"fleet.webhooks.dispatch.enabled=false")) {
			Api other = Instances.api(instance);
			assertThat(other.get(vehicle(ROTATED), rotatedToken).status()).isEqualTo(200);
			assertThat(other.get(vehicle(KEPT), keptToken).status()).isEqualTo(200);
			// changed behind its back, with no rotation recorded, a token still works
			// there: it is cached
			this.jdbc.sql("update vehicles set token_hash = ? where vin = ?").params("0".repeat(64), KEPT).update();
			assertThat(other.get(vehicle(KEPT), keptToken).status()).isEqualTo(200);

			Response rotation = this.api.post(vehicle(ROTATED) + "/token", ADMIN_TOKEN, "");
			assertThat(rotation.status()).isEqualTo(200);
			assertThat(statusWithin(Duration.ofSeconds(5), other, ROTATED, rotatedToken, 401)).isEqualTo(401);
			assertThat(other.get(vehicle(ROTATED), rotation.text("token")).status()).isEqualTo(200);
			// only the rotated vehicle was forgotten
			assertThat(other.get(vehicle(KEPT), keptToken).status()).isEqualTo(200);
		}
	}

	/**
	 * Asks until the answer has the {@code expected} status or the time is up, and
	 * returns the last status.
	 */
	static int statusWithin(Duration timeout, Api api, String vin, String token, int expected)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		int status = api.get(vehicle(vin), token).status();
		while (status != expected && System.nanoTime() < deadline) {
			Thread.sleep(50);
			status = api.get(vehicle(vin), token).status();
		}
		return status;
	}

	static String vehicle(String vin) {
		return "/api/v1/vehicles/" + vin;
	}

}
