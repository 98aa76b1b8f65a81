package org.fleettelemetry.live;

import java.util.LinkedHashMap;
import java.util.Map;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public reads that name a car (the leaders, the milestones, the stream) show its whole
 * VIN to the admin token and to ADMIN and READ keys only; anyone else (no token, a
 * vehicle, the gateway, a GATEWAY key) sees it masked after the eleventh character.
 */
class VinPrivacyIntegrationTests extends IntegrationTests {

	static final String VIN = "SJNFAAZE0U6000001";

	static final String MASKED = "SJNFAAZE0U6******";

	/** Each kind of caller, by name, with its token (none for the public). */
	Map<String, String> callers(String vehicleToken) {
		Map<String, String> callers = new LinkedHashMap<>();
		callers.put("no token", null);
		callers.put("vehicle token", vehicleToken);
		callers.put("gateway token", GATEWAY_TOKEN);
		callers.put("GATEWAY key", this.api.issueKey("GATEWAY"));
		callers.put("READ key", this.api.issueKey("READ"));
		callers.put("ADMIN key", this.api.issueKey("ADMIN"));
		callers.put("admin token", ADMIN_TOKEN);
		return callers;
	}

	static String vinSeenBy(String caller) {
		return (caller.equals("READ key") || caller.equals("ADMIN key") || caller.equals("admin token")) ? VIN : MASKED;
	}

	void report(String token, String id, String recordedAt, double km) {
		assertThat(
				this.api.post("/api/v1/vehicles/" + VIN + "/reports", token, Api.odometer(id, recordedAt, km)).status())
			.isEqualTo(201);
	}

	@Test
	void showsWholeVinsOnlyToTheAdminTokenAndAdminAndReadKeys() {
		String vehicle = this.api.register(VIN, "ES", 0.0);
		// past the first fleet milestone of the default ladder, 1,000,000 km
		report(vehicle, "odo-1", "2014-09-30T10:00:00Z", 1_000_001);
		callers(vehicle).forEach((caller, token) -> {
			JsonNode leaders = this.api.get("/api/v1/fleet/leaders", token).body();
			assertThat(leaders.get(0).get("vin").asString()).as("leaders to %s", caller).isEqualTo(vinSeenBy(caller));
			JsonNode milestones = this.api.get("/api/v1/milestones", token).body();
			assertThat(milestones.findValuesAsString("vin")).as("milestones to %s", caller)
				.isNotEmpty()
				.containsOnly(vinSeenBy(caller));
		});
	}

	@Test
	void streamsWholeVinsOnlyToSubscribersWithTheAdminTokenOrAdminAndReadKeys() throws Exception {
		String vehicle = this.api.register(VIN, "ES", 0.0);
		report(vehicle, "odo-1", "2014-09-01T10:00:00Z", 1.0);
		Map<String, EventStream> streams = new LinkedHashMap<>();
		try {
			callers(vehicle).forEach(
					(caller, token) -> streams.put(caller, new EventStream("http://localhost:" + this.port, token)));
			for (EventStream stream : streams.values()) {
				stream.next("summary", StreamIntegrationTests.WAIT);
			}
			// the vehicle's first milestone, 10,000 km
			report(vehicle, "odo-2", "2014-09-30T10:00:00Z", 10_001.0);
			for (Map.Entry<String, EventStream> stream : streams.entrySet()) {
				JsonNode milestone = StreamIntegrationTests.JSON
					.readTree(stream.getValue().next("milestone", StreamIntegrationTests.WAIT).data());
				assertThat(milestone.get("vin").asString()).as("stream of %s", stream.getKey())
					.isEqualTo(vinSeenBy(stream.getKey()));
			}
		}
		finally {
			for (EventStream stream : streams.values()) {
				stream.close();
			}
		}
	}

}
