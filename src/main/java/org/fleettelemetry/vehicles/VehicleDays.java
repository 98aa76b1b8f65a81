package org.fleettelemetry.vehicles;

import java.time.LocalDate;
import java.util.List;

import org.fleettelemetry.fleet.Co2;
import org.fleettelemetry.shared.DayRange;
import org.fleettelemetry.shared.Distances;
import org.fleettelemetry.shared.FleetException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A vehicle's daily series, read from the figures crediting keeps per vehicle and day
 * (table {@code vehicle_days}): one primary-key look-up per day asked for, whatever the
 * number of reports behind it, and unchanged when old reports are removed.
 */
@Service
class VehicleDays {

	private static final String DAILY = """
			select g.day::date as day, coalesce(d.distance_m, 0) as distance_m, coalesce(d.trips, 0) as trips,
			       coalesce(d.energy_consumed_wh, 0) as consumed, coalesce(d.energy_regenerated_wh, 0) as regenerated
			from vehicles v
			cross join generate_series(?::date, ?::date, interval '1 day') g (day)
			left join vehicle_days d on d.vehicle_id = v.id and d.day = g.day::date
			where v.vin = ?
			order by g.day""";

	private final JdbcClient jdbc;

	private final Co2 co2;

	VehicleDays(JdbcClient jdbc, Co2 co2) {
		this.jdbc = jdbc;
		this.co2 = co2;
	}

	/**
	 * The days of {@code range}, zeros included; the vehicle must be registered.
	 */
	List<VehicleDay> daily(String vin, DayRange range) {
		List<VehicleDay> days = this.jdbc.sql(DAILY).params(range.first(), range.last(), vin).query((rs, i) -> {
			long metres = rs.getLong("distance_m");
			return new VehicleDay(rs.getObject("day", LocalDate.class), Distances.km(metres),
					this.co2.avoidedKg(metres), rs.getLong("trips"), Distances.km(rs.getLong("consumed")),
					Distances.km(rs.getLong("regenerated")));
		}).list();
		if (days.isEmpty()) {
			throw FleetException.vehicleNotFound(vin);
		}
		return days;
	}

}
