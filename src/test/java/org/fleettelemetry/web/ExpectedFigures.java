package org.fleettelemetry.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.IntegrationTests;
import tools.jackson.databind.JsonNode;

/**
 * The fleet's figures as the answers told them: each vehicle registered or retired, each
 * metre an {@code ACCEPTED} answer said it credited, on the day of its report. At the end
 * the service's figures must be exactly these: what no answer owned up to did not happen.
 */
final class ExpectedFigures {

	private record Registered(String country, String model) {
	}

	private final Map<String, Registered> vehicles = new HashMap<>();

	private final Set<String> retired = new HashSet<>();

	private final Map<String, Long> byVehicle = new HashMap<>();

	private final Map<LocalDate, Long> byDay = new TreeMap<>();

	/**
	 * The releases that credited, by anomaly id: their vehicle and day are read at the
	 * end.
	 */
	private final Map<Long, Long> releases = new HashMap<>();

	private long accepted;

	void registered(String vin, String country, String model) {
		this.vehicles.put(vin, new Registered(country, model));
	}

	void retired(String vin) {
		this.retired.add(vin);
	}

	void credited(String vin, LocalDate day, BigDecimal km) {
		long metres = km.movePointRight(3).longValueExact();
		this.byVehicle.merge(vin, metres, Long::sum);
		this.byDay.merge(day, metres, Long::sum);
		this.accepted++;
	}

	void released(long anomaly, BigDecimal km) {
		this.releases.put(anomaly, km.movePointRight(3).longValueExact());
	}

	/** Every difference between the service's figures and the answers', in words. */
	List<String> differences(Api api) {
		creditReleases(api);
		List<String> differences = new ArrayList<>();
		String admin = IntegrationTests.ADMIN_TOKEN;
		JsonNode summary = api.get("/api/v1/fleet/summary", null).body();
		long total = this.byVehicle.values().stream().mapToLong(Long::longValue).sum();
		compare(differences, "fleet distance", metres(summary.get("distanceKm")), total);
		compare(differences, "accepted reports", summary.get("reports").asLong(), this.accepted);
		compare(differences, "active vehicles", summary.get("vehicles").asLong(),
				(long) (this.vehicles.size() - this.retired.size()));
		compare(differences, "retired vehicles", summary.get("retiredVehicles").asLong(), (long) this.retired.size());
		Set<String> listed = new HashSet<>();
		for (String cursor = ""; cursor != null;) {
			JsonNode page = api.get("/api/v1/vehicles?size=1000" + cursor, admin).body();
			page.get("items").forEach((vehicle) -> {
				String vin = vehicle.get("vin").asString();
				listed.add(vin);
				Registered registered = this.vehicles.get(vin);
				if (registered == null) {
					differences.add("vehicle " + vin + " is registered, though no answer said so");
					return;
				}
				compare(differences, vin + " distance", metres(vehicle.get("distanceKm")),
						this.byVehicle.getOrDefault(vin, 0L));
				compare(differences, vin + " status", vehicle.get("status").asString(),
						this.retired.contains(vin) ? "RETIRED" : "ACTIVE");
				compare(differences, vin + " registration",
						vehicle.get("country").asString() + " " + vehicle.get("model").asString(),
						registered.country() + " " + registered.model());
			});
			cursor = page.get("next").isNull() ? null : "&cursor=" + page.get("next").asString();
		}
		compare(differences, "vehicles listed", listed, this.vehicles.keySet());
		countries(api, differences);
		days(api, differences);
		return differences;
	}

	private void creditReleases(Api api) {
		for (String cursor = ""; !this.releases.isEmpty() && cursor != null;) {
			JsonNode page = api
				.get("/api/v1/anomalies?status=RELEASED&size=1000" + cursor, IntegrationTests.ADMIN_TOKEN)
				.body();
			page.get("items").forEach((anomaly) -> {
				Long metres = this.releases.remove(anomaly.get("id").asLong());
				if (metres != null) {
					credited(anomaly.get("vin").asString(),
							Fuzzer.day(anomaly.get("report").get("recordedAt").asString()),
							BigDecimal.valueOf(metres, 3));
				}
			});
			cursor = page.get("next").isNull() ? null : "&cursor=" + page.get("next").asString();
		}
		if (!this.releases.isEmpty()) {
			throw new AssertionError("Released anomalies not in the quarantine's list: " + this.releases.keySet());
		}
	}

	private void countries(Api api, List<String> differences) {
		Map<String, Long> distance = new TreeMap<>();
		Map<String, Long> active = new TreeMap<>();
		this.vehicles.forEach((vin, registered) -> {
			distance.merge(registered.country(), this.byVehicle.getOrDefault(vin, 0L), Long::sum);
			active.merge(registered.country(), this.retired.contains(vin) ? 0L : 1L, Long::sum);
		});
		Map<String, Long> servedDistance = new TreeMap<>();
		Map<String, Long> servedActive = new TreeMap<>();
		api.get("/api/v1/fleet/countries", null).body().forEach((country) -> {
			servedDistance.put(country.get("country").asString(), metres(country.get("distanceKm")));
			servedActive.put(country.get("country").asString(), country.get("vehicles").asLong());
		});
		compare(differences, "distance per country", servedDistance, distance);
		compare(differences, "active vehicles per country", servedActive, active);
	}

	/**
	 * The daily series over every day an answer credited, zeros between them included.
	 */
	private void days(Api api, List<String> differences) {
		if (this.byDay.isEmpty()) {
			return;
		}
		LocalDate first = ((TreeMap<LocalDate, Long>) this.byDay).firstKey();
		LocalDate last = ((TreeMap<LocalDate, Long>) this.byDay).lastKey();
		for (LocalDate from = first; !from.isAfter(last); from = from.plusDays(1000)) {
			LocalDate to = from.plusDays(999).isAfter(last) ? last : from.plusDays(999);
			api.get("/api/v1/fleet/daily?from=" + from + "&to=" + to, null).body().forEach((day) -> {
				LocalDate date = LocalDate.parse(day.get("date").asString());
				compare(differences, "distance on " + date, metres(day.get("distanceKm")),
						this.byDay.getOrDefault(date, 0L));
			});
		}
	}

	private static long metres(JsonNode km) {
		return km.decimalValue().movePointRight(3).longValueExact();
	}

	private static void compare(List<String> differences, String what, Object served, Object answered) {
		if (!served.equals(answered)) {
			differences.add(what + ": the service has " + served + ", the answers said " + answered);
		}
	}

}
