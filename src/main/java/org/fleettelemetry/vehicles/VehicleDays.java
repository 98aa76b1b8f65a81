package org.fleettelemetry.vehicles;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.fleettelemetry.fleet.Co2;
import org.fleettelemetry.shared.DayRange;
import org.fleettelemetry.shared.Distances;
import org.fleettelemetry.shared.FleetException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A vehicle's daily series, summed from its reports of those days. They are read through
 * the index crediting keeps for its own look-ups (vehicle, odometer, recordedAt, ...),
 * one range per odometer of the vehicle, so a series costs what the vehicle reported in
 * its days, whatever it reported before or after them. Keeping the sums per day as
 * crediting writes would have cost every report an update (a fifth of the single-report
 * throughput, measured), for a read only an operator makes.
 */
@Service
class VehicleDays {

	private static final String DAILY = """
			select g.day::date as day, coalesce(s.distance_m, 0) as distance_m, coalesce(s.trips, 0) as trips,
			       coalesce(s.consumed, 0) as consumed, coalesce(s.regenerated, 0) as regenerated
			from generate_series(:first::date, :last::date, interval '1 day') g (day)
			left join (
			    select (r.recorded_at at time zone 'UTC')::date as day, sum(r.credited_m) as distance_m,
			           count(*) filter (where r.type = 'TRIP') as trips,
			           sum(r.energy_consumed_wh) filter (where r.type = 'TRIP') as consumed,
			           sum(r.energy_regenerated_wh) filter (where r.type = 'TRIP') as regenerated
			    from vehicles v
			    join odometers o on o.vehicle_id = v.id
			    join reports r on r.vehicle_id = o.vehicle_id and r.odometer_seq = o.seq
			        and r.recorded_at >= :from and r.recorded_at < :to
			    where v.vin = :vin
			    group by 1) s on s.day = g.day::date
			order by g.day""";

	private final JdbcClient jdbc;

	private final Co2 co2;

	private final Vehicles vehicles;

	VehicleDays(JdbcClient jdbc, Co2 co2, Vehicles vehicles) {
		this.jdbc = jdbc;
		this.co2 = co2;
		this.vehicles = vehicles;
	}

	/**
	 * The days of {@code range}, zeros included; the vehicle must be registered.
	 */
	@Transactional(readOnly = true)
	List<VehicleDay> daily(String vin, DayRange range) {
		if (!this.vehicles.exists(vin)) {
			throw FleetException.vehicleNotFound(vin);
		}
		return this.jdbc.sql(DAILY)
			.param("first", range.first())
			.param("last", range.last())
			.param("from", Timestamp.from(DayRange.startOf(range.first())))
			.param("to", Timestamp.from(DayRange.startOf(range.last().plusDays(1))))
			.param("vin", vin)
			.query((rs, i) -> {
				long metres = rs.getLong("distance_m");
				return new VehicleDay(rs.getObject("day", LocalDate.class), Distances.km(metres),
						this.co2.avoidedKg(metres), rs.getLong("trips"), Distances.km(rs.getLong("consumed")),
						Distances.km(rs.getLong("regenerated")));
			})
			.list();
	}

}
