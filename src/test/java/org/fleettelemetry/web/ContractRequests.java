package org.fleettelemetry.web;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.fleettelemetry.support.IntegrationTests;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A valid request of each endpoint of the contract, with the credentials it needs, made
 * from what the fuzz test knows of the fleet: the request a mutation then spoils.
 */
final class ContractRequests {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String ADMIN = IntegrationTests.ADMIN_TOKEN;

	private final FuzzFleet fleet;

	private final Random random;

	ContractRequests(FuzzFleet fleet, Random random) {
		this.fleet = fleet;
		this.random = random;
	}

	/** A valid request of {@code endpoint} ("METHOD /path" as the contract lists it). */
	FuzzRequest valid(String endpoint) {
		FuzzFleet.Vehicle vehicle = this.fleet.activeVehicle();
		String vin = vehicle.vin;
		String path = endpoint.substring(endpoint.indexOf(' ') + 1)
			.replace("{vin}", vin)
			.replace("{id}", id(endpoint))
			.replace("{eventId}", String.valueOf(this.fleet.anEvent()));
		FuzzRequest request = new FuzzRequest(endpoint, endpoint.substring(0, endpoint.indexOf(' ')), path);
		switch (endpoint) {
			case "POST /api/v1/vehicles" ->
				request.json(registration(this.fleet.newVin())).header("Authorization", bearer(ADMIN));
			case "POST /api/v1/vehicles/batch" -> {
				ArrayNode items = NODES.arrayNode();
				for (int i = 0, n = 1 + this.random.nextInt(4); i < n; i++) {
					items.add(registration(this.random.nextBoolean() ? this.fleet.newVin() : this.fleet.knownVin()));
				}
				request.json(items).header("Authorization", bearer(ADMIN));
			}
			case "POST /api/v1/vehicles/{vin}/reports" -> request.json(this.fleet.report(vehicle, false))
				.header("Authorization", bearer(vehicleOrOther(vehicle)));
			case "POST /api/v1/vehicles/{vin}/reports/batch" -> {
				ArrayNode items = NODES.arrayNode();
				for (int i = 0, n = 1 + this.random.nextInt(6); i < n; i++) {
					items.add(this.fleet.report(vehicle, false));
				}
				request.json(items).header("Authorization", bearer(vehicleOrOther(vehicle)));
			}
			case "POST /api/v1/reports/batch" -> {
				ArrayNode items = NODES.arrayNode();
				for (int i = 0, n = 1 + this.random.nextInt(6); i < n; i++) {
					items.add(this.fleet.report(this.fleet.activeVehicle(), true));
				}
				request.json(items)
					.header("Authorization",
							bearer(this.random.nextBoolean() ? IntegrationTests.GATEWAY_TOKEN : ADMIN));
			}
			case "POST /api/v1/vehicles/{vin}/odometer-resets" -> {
				vehicle.clock = vehicle.clock.plus(Duration.ofHours(1));
				request
					.json(NODES.objectNode()
						.put("odometerKm", FuzzFleet.km(this.random.nextInt(100_000)))
						.put("effectiveAt", vehicle.clock.toString())
						.put("reason", "instrument cluster replaced"))
					.header("Authorization", bearer(ADMIN));
			}
			case "POST /api/v1/vehicles/{vin}/retire" ->
				request.json(NODES.objectNode().put("reason", "written off")).header("Authorization", bearer(ADMIN));
			case "POST /api/v1/anomalies/{id}/release", "POST /api/v1/anomalies/{id}/discard" ->
				request.json(NODES.objectNode().put("reason", "checked by the fuzz test"))
					.header("Authorization", bearer(ADMIN));
			case "POST /api/v1/webhooks" ->
				request.json(NODES.objectNode().put("url", "https://93.184.216.34/hooks/" + this.random.nextInt(1000)))
					.header("Authorization", bearer(ADMIN));
			case "GET /api/v1/vehicles/{vin}", "GET /api/v1/vehicles/{vin}/reports",
					"GET /api/v1/vehicles/{vin}/daily" -> {
				request.header("Authorization", bearer(this.random.nextBoolean() ? vehicle.token : ADMIN));
				request.target += query(endpoint);
			}
			case "GET /api/v1/fleet/stream" -> request.header("Accept", "text/event-stream");
			default -> {
				if (endpoint.startsWith("GET /api/v1/fleet") || endpoint.startsWith("GET /actuator")
						|| endpoint.equals("GET /api/v1/milestones")) {
					if (this.random.nextInt(3) == 0) {
						request.header("Authorization", bearer(ADMIN));
					}
				}
				else {
					request.header("Authorization", bearer(ADMIN));
				}
				request.target += query(endpoint);
			}
		}
		if (!request.headers.stream().anyMatch((h) -> h[0].equals("Accept"))) {
			request.header("Accept", "application/json");
		}
		return request;
	}

	private ObjectNode registration(String vin) {
		ObjectNode vehicle = NODES.objectNode()
			.put("vin", vin)
			.put("model", this.random.nextBoolean() ? "LEAF" : "e-NV200")
			.put("country", FuzzFleet.COUNTRIES.get(this.random.nextInt(FuzzFleet.COUNTRIES.size())));
		switch (this.random.nextInt(3)) {
			case 0 -> vehicle.put("odometerKm", FuzzFleet.km(this.random.nextInt(50_000_000)));
			case 1 -> vehicle.put("odometerMi", FuzzFleet.km(this.random.nextInt(30_000_000)));
			default -> {
				// no baseline: the first accepted reading becomes it
			}
		}
		return vehicle;
	}

	/** Mostly the vehicle's own token; now and then another's, which must be refused. */
	private String vehicleOrOther(FuzzFleet.Vehicle vehicle) {
		return (this.random.nextInt(20) == 0) ? this.fleet.anyVehicle().token : vehicle.token;
	}

	private String id(String endpoint) {
		if (endpoint.contains("/anomalies/")) {
			Long id = this.fleet.anAnomaly();
			return String.valueOf((id != null) ? id : 1 + this.random.nextInt(50));
		}
		String webhook = this.fleet.aWebhook();
		return (webhook != null) ? webhook : "1";
	}

	/** Valid parameters of a read, some of them, and a cursor it gave before. */
	private String query(String endpoint) {
		List<String> params = switch (endpoint) {
			case "GET /api/v1/vehicles" -> List.of("country=ES", "model=LEAF", "status=ACTIVE", "vinPrefix=5YJ3E1EA",
					"reportedSince=2014-09-01", "sort=distanceKm,desc", "sort=registeredAt,asc", "size=3");
			case "GET /api/v1/vehicles/{vin}/reports" -> List.of("from=2014-09-01", "to=2014-10-31", "size=5");
			case "GET /api/v1/vehicles/{vin}/daily", "GET /api/v1/fleet/daily" ->
				List.of("from=2014-09-01", "to=2014-10-31");
			case "GET /api/v1/anomalies" ->
				List.of("status=OPEN", "code=IMPLAUSIBLE_DISTANCE", "size=50", "vin=" + this.fleet.knownVin());
			case "GET /api/v1/fleet/leaders" -> List.of("country=ES", "limit=5");
			case "GET /api/v1/milestones" -> List.of("scope=VEHICLE", "scope=FLEET");
			case "GET /api/v1/webhooks/{id}/deliveries", "GET /api/v1/webhooks" -> List.of("size=10");
			default -> List.of();
		};
		StringBuilder query = new StringBuilder();
		for (String param : params) {
			if (this.random.nextBoolean() && !query.toString().contains(param.substring(0, param.indexOf('=') + 1))) {
				query.append((query.length() == 0) ? "?" : "&").append(param);
			}
		}
		String cursor = this.fleet.cursors.get(endpoint);
		if (cursor != null && this.random.nextBoolean()) {
			query.setLength(0);
			query.append("?cursor=").append(cursor);
		}
		return query.toString();
	}

	private static String bearer(String token) {
		return "Bearer " + token;
	}

}
