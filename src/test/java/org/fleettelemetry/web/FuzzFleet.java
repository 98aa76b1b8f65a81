package org.fleettelemetry.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the fuzz test knows of the service it drives, learnt only from its answers: the
 * vehicles and their tokens, the ids of anomalies, webhooks and events, the cursors of
 * pages. It also makes the valid reports of each vehicle: mostly readings that move on
 * plausibly, with duplicates, late, implausible and future ones among them.
 */
final class FuzzFleet {

	static final List<String> COUNTRIES = List.of("ES", "NO", "NL", "FR", "US", "JP");

	private static final Instant START = Instant.parse("2014-09-01T00:00:00Z");

	/** One vehicle as the test knows it, and where its own reports have got to. */
	static final class Vehicle {

		final String vin;

		String token;

		boolean retired;

		Instant clock = START;

		long odometerM;

		int reports;

		final List<ObjectNode> sent = new ArrayList<>();

		Vehicle(String vin, String token, long baselineM) {
			this.vin = vin;
			this.token = token;
			this.odometerM = baselineM;
		}

	}

	final Map<String, Vehicle> vehicles = new LinkedHashMap<>();

	final List<Long> anomalies = new ArrayList<>();

	final List<String> webhooks = new ArrayList<>();

	final List<String> events = new ArrayList<>();

	/** The last {@code next} of each page endpoint, to be sent back as its cursor. */
	final Map<String, String> cursors = new HashMap<>();

	private final Random random;

	private int nextVin;

	FuzzFleet(Random random) {
		this.random = random;
	}

	/** A VIN never registered before. */
	String newVin() {
		return "5YJ3E1EA" + String.format("%09d", ++this.nextVin);
	}

	/** A VIN of the fleet, any. */
	String knownVin() {
		List<String> vins = new ArrayList<>(this.vehicles.keySet());
		return vins.isEmpty() ? newVin() : vins.get(this.random.nextInt(vins.size()));
	}

	/** A vehicle of the fleet, any; before the first, one that is not registered. */
	Vehicle anyVehicle() {
		String vin = knownVin();
		return this.vehicles.getOrDefault(vin, new Vehicle(vin, "not-registered", 0));
	}

	/** A vehicle that still reports, if there is one. */
	Vehicle activeVehicle() {
		List<Vehicle> active = this.vehicles.values().stream().filter((v) -> !v.retired).toList();
		return active.isEmpty() ? anyVehicle() : active.get(this.random.nextInt(active.size()));
	}

	long activeCount() {
		return this.vehicles.values().stream().filter((v) -> !v.retired).count();
	}

	/** A valid report of {@code vehicle}, for a gateway with its VIN. */
	ObjectNode report(Vehicle vehicle, boolean withVin) {
		ObjectNode report = nextReport(vehicle);
		if (withVin) {
			ObjectNode item = JsonNodeFactory.instance.objectNode().put("vin", vehicle.vin);
			item.setAll(report);
			return item;
		}
		return report;
	}

	private ObjectNode nextReport(Vehicle vehicle) {
		int kind = this.random.nextInt(20);
		if (kind == 0 && !vehicle.sent.isEmpty()) {
			// the same report again: a DUPLICATE, crediting nothing
			return vehicle.sent.get(this.random.nextInt(vehicle.sent.size())).deepCopy();
		}
		Instant recordedAt = vehicle.clock;
		long odometerM = vehicle.odometerM;
		if (kind == 1) {
			// late: before the highest reading, credited 0 if it fits, else a rollback
			recordedAt = recordedAt.minus(Duration.ofHours(1 + this.random.nextInt(48)));
			odometerM = Math.max(0, odometerM - this.random.nextInt(50_000));
		}
		else if (kind == 2) {
			odometerM += 1_000_000_000L; // implausible: an anomaly
		}
		else if (kind == 3) {
			// from the future: an anomaly
			recordedAt = Instant.now().plus(Duration.ofDays(2));
		}
		else {
			long minutes = 5 + this.random.nextInt(180);
			vehicle.clock = vehicle.clock.plus(Duration.ofMinutes(minutes));
			vehicle.odometerM += this.random.nextLong(minutes * 1_500 + 1);
			recordedAt = vehicle.clock;
			odometerM = vehicle.odometerM;
		}
		ObjectNode report = JsonNodeFactory.instance.objectNode();
		report.put("reportId", vehicle.vin.substring(12) + "-" + (++vehicle.reports));
		boolean trip = this.random.nextBoolean();
		report.put("type", trip ? "TRIP" : "ODOMETER");
		if (trip) {
			report.put("startedAt", recordedAt.minus(Duration.ofMinutes(30)).toString());
		}
		report.put("recordedAt", recordedAt.toString());
		if (this.random.nextInt(5) == 0) {
			report.put("odometerMi", km(odometerM * 1_000_000 / 1_609_344));
		}
		else {
			report.put("odometerKm", km(odometerM));
		}
		if (trip) {
			report.put("distanceKm", km(this.random.nextInt(200_000)));
			report.put("energyConsumedKwh", km(this.random.nextInt(40_000)));
			report.put("energyRegeneratedKwh", km(this.random.nextInt(5_000)));
		}
		if (vehicle.sent.size() < 20) {
			vehicle.sent.add(report);
		}
		return report;
	}

	static java.math.BigDecimal km(long thousandths) {
		return java.math.BigDecimal.valueOf(thousandths, 3);
	}

	@Nullable Long anAnomaly() {
		return this.anomalies.isEmpty() ? null : this.anomalies.get(this.random.nextInt(this.anomalies.size()));
	}

	@Nullable String aWebhook() {
		return this.webhooks.isEmpty() ? null : this.webhooks.get(this.random.nextInt(this.webhooks.size()));
	}

	@Nullable String anEvent() {
		return this.events.isEmpty() ? null : this.events.get(this.random.nextInt(this.events.size()));
	}

}
