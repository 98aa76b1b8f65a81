package org.fleettelemetry.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One simulated car: where it drives, how much, how efficiently, and the reports its
 * trips make. Its odometer only grows; each trip is a {@code TRIP} report with its
 * energy.
 */
final class SimulatedVehicle {

	final String vin;

	final String model;

	final String country;

	/** Whether it buffers its reports and uploads them now and then, as a car offline. */
	final boolean offline;

	private final double dailyKm;

	private final double kwhPerKm;

	private double odometerKm;

	private Instant last;

	private int trips;

	final List<Map<String, Object>> buffered = new ArrayList<>();

	SimulatedVehicle(String vin, String model, String country, boolean offline, double dailyKm, double odometerKm,
			Instant since, RandomGenerator random) {
		this.vin = vin;
		this.model = model;
		this.country = country;
		this.offline = offline;
		this.dailyKm = dailyKm;
		this.kwhPerKm = 0.14 + random.nextDouble() * 0.05;
		this.odometerKm = odometerKm;
		this.last = since;
	}

	double odometerKm() {
		return this.odometerKm;
	}

	/** Goes on from what the service knows of it (a demo run before this one). */
	void resume(double odometerKm, Instant lastReportAt) {
		this.odometerKm = odometerKm;
		this.last = lastReportAt;
	}

	/** The registration the service is asked for. */
	Map<String, Object> registration(double baselineKm) {
		return Map.of("vin", this.vin, "model", this.model, "country", this.country, "odometerKm", round(baselineKm));
	}

	/**
	 * The trips of the days from its last report until {@code until}: one to four a day,
	 * at daytime, at a plausible speed.
	 */
	List<Map<String, Object>> history(Instant until, RandomGenerator random) {
		List<Map<String, Object>> reports = new ArrayList<>();
		Instant day = this.last;
		while (day.plus(Duration.ofDays(1)).isBefore(until)) {
			int count = 1 + random.nextInt(4);
			double km = this.dailyKm * (0.5 + random.nextDouble());
			for (int i = 0; i < count; i++) {
				Instant planned = day.plus(Duration.ofMinutes(420 + (long) i * 240 + random.nextInt(120)));
				// a long trip before delays the next
				Instant start = planned.isAfter(this.last) ? planned : this.last.plusSeconds(600);
				double distance = km / count;
				reports.add(trip(start, distance, distance / (25 + random.nextDouble() * 50), random));
			}
			day = day.plus(Duration.ofDays(1));
		}
		return reports;
	}

	/**
	 * A trip from its last report until {@code now}, driven at a city-to-motorway speed
	 * for part of the time.
	 */
	Map<String, Object> driveUntil(Instant now, RandomGenerator random) {
		// parked for whatever came before the last half hour
		Instant start = this.last.isBefore(now.minus(Duration.ofMinutes(30))) ? now.minus(Duration.ofMinutes(30))
				: this.last;
		double hours = Duration.between(start, now).toMillis() / 3_600_000.0;
		double speed = 30 + random.nextDouble() * 80;
		return trip(start, hours * speed * (0.6 + 0.4 * random.nextDouble()), hours, random);
	}

	/** Whether it has been still long enough to report a trip ending now. */
	boolean canDriveUntil(Instant now) {
		return this.last.isBefore(now.minusSeconds(5));
	}

	private Map<String, Object> trip(Instant start, double km, double hours, RandomGenerator random) {
		Instant end = start.plusMillis(Math.max(1000, (long) (hours * 3_600_000)));
		this.odometerKm += km;
		this.last = end;
		double consumed = km * this.kwhPerKm;
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("reportId", "trip-" + (++this.trips) + "-" + end.toEpochMilli());
		report.put("type", "TRIP");
		report.put("startedAt", start.toString());
		report.put("recordedAt", end.toString());
		report.put("odometerKm", round(this.odometerKm));
		report.put("distanceKm", round(km));
		report.put("energyConsumedKwh", round(consumed));
		report.put("energyRegeneratedKwh", round(consumed * (0.08 + random.nextDouble() * 0.1)));
		return report;
	}

	/** A reading that cannot be right: lower than the last one, or an impossible jump. */
	Map<String, Object> badReading(Instant now, RandomGenerator random) {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("reportId", "odo-" + now.toEpochMilli());
		report.put("type", "ODOMETER");
		report.put("recordedAt", now.toString());
		report.put("odometerKm", round(this.odometerKm + (random.nextBoolean() ? -120 : 25_000)));
		return report;
	}

	private static double round(double km) {
		return Math.round(km * 1000) / 1000.0;
	}

}
