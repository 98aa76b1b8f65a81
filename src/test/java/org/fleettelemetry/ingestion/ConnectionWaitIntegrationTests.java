package org.fleettelemetry.ingestion;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.Instances;
import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While no database connection can be had: a writer of group commit gives up before the
 * reports it took time out, so that their senders learn that nothing was stored (503
 * SERVICE_UNAVAILABLE), not that the outcome is unknown; and a vehicle's token, which is
 * checked in the database then, is answered 503 too rather than 500. An instance of its
 * own, with the settings it ships with.
 */
class ConnectionWaitIntegrationTests extends IntegrationTests {

	static final String VIN = "SJNFAAZE0U6000001";

	static final List<Map<String, Object>> BATCH = List.of(Map.of("vin", VIN, "reportId", "odo-1", "type", "ODOMETER",
			"recordedAt", "2014-09-30T10:00:00Z", "odometerKm", 42.5));

	@Test
	void reportsThatCanGetNoConnectionAreRefusedAsNotStoredBeforeTheyTimeOut() throws Exception {
		ConfigurableApplicationContext instance = Instances.start();
		Api api = Instances.api(instance);
		HikariDataSource pool = (HikariDataSource) instance.getBean(DataSource.class);
		Duration timeout = instance.getBean(IngestionSettings.class).groupCommit().timeout();
		List<Connection> held = new ArrayList<>();
		try {
			String token = api.register(VIN, "ES", 0.0);
			// every connection of the pool taken, as a database that accepts none
			for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
				held.add(pool.getConnection());
			}
			// the gateway's token is the instance's own: the batch reaches group commit
			long started = System.nanoTime();
			Api.Response refused = api.post("/api/v1/reports/batch", GATEWAY_TOKEN, BATCH);
			Duration waited = Duration.ofNanos(System.nanoTime() - started);
			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.text("code")).isEqualTo("SERVICE_UNAVAILABLE");
			assertThat(waited).isLessThan(timeout);
			// a vehicle's token: not a 401 (it may be valid), nor a 500
			Api.Response unchecked = api.post("/api/v1/vehicles/" + VIN + "/reports", token,
					Api.odometer("odo-2", "2014-09-30T11:00:00Z", 50.0));
			assertThat(unchecked.status()).isEqualTo(503);
			assertThat(unchecked.text("code")).isEqualTo("SERVICE_UNAVAILABLE");
			for (Connection connection : held) {
				connection.close();
			}
			held.clear();
			// nothing of it was stored: sent again, it is new
			Api.Response again = api.post("/api/v1/reports/batch", GATEWAY_TOKEN, BATCH);
			assertThat(again.status()).isEqualTo(200);
			assertThat(again.body().get("results").get(0).get("status").asString()).isEqualTo("ACCEPTED");
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
			instance.close();
		}
	}

}
