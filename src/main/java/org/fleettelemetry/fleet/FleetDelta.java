package org.fleettelemetry.fleet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one transaction adds to the fleet figures: summed in memory while its reports are
 * credited, then applied to the aggregates once, with
 * {@link FleetLedger#record(FleetDelta)}.
 */
public final class FleetDelta {

	private long distanceM;

	private long reports;

	private final Map<LocalDate, long[]> days = new TreeMap<>();

	private final Map<String, Long> countries = new TreeMap<>();

	private final List<Credit> credits = new ArrayList<>();

	/**
	 * Adds one accepted report of the vehicle {@code vin} of {@code country}, recorded on
	 * {@code day}, that credited {@code creditedM} metres and brought the vehicle's
	 * credited distance to {@code vehicleDistanceM}.
	 */
	public void accepted(String vin, long vehicleDistanceM, LocalDate day, String country, long creditedM) {
		if (creditedM > 0) {
			this.credits.add(new Credit(vin, creditedM, vehicleDistanceM));
		}
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

	/** The credits of more than 0 m, in the order the reports were credited. */
	List<Credit> credits() {
		return this.credits;
	}

	/**
	 * One report's credit.
	 *
	 * @param vin the vehicle credited
	 * @param creditedM metres credited, more than 0
	 * @param vehicleDistanceM the vehicle's credited distance right after this credit
	 */
	public record Credit(String vin, long creditedM, long vehicleDistanceM) {
	}

}
