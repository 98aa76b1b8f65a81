package org.fleettelemetry.fleet;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one transaction adds to the fleet figures: summed in memory while its reports are credited,
 * then applied to the aggregates once, with {@link FleetLedger#record(FleetDelta)}.
 */
public final class FleetDelta {

	private long distanceM;

	private long reports;

	private final Map<LocalDate, long[]> days = new TreeMap<>();

	private final Map<String, Long> countries = new TreeMap<>();

	/**
	 * Adds one accepted report of a vehicle of {@code country}, recorded on {@code day}, that credited
	 * {@code creditedM} metres.
	 */
	public void accepted(LocalDate day, String country, long creditedM) {
		this.distanceM += creditedM;
		this.reports++;
		long[] daily = this.days.computeIfAbsent(day, (d) -> new long[3]);
		daily[0] += creditedM;
		daily[1]++;
		this.countries.merge(country, creditedM, Long::sum);
	}

	/**
	 * Counts {@code vehicles} vehicles as reporting on {@code day} for the first time.
	 */
	public void newReportingVehicles(LocalDate day, int vehicles) {
		this.days.computeIfAbsent(day, (d) -> new long[3])[2] += vehicles;
	}

	public boolean isEmpty() {
		return this.reports == 0;
	}

	long distanceM() {
		return this.distanceM;
	}

	long reports() {
		return this.reports;
	}

	/** Per day, in date order: distance, reports, newly reporting vehicles. */
	Map<LocalDate, long[]> days() {
		return this.days;
	}

	/** Per country, in code order. */
	Map<String, Long> countries() {
		return this.countries;
	}

}
