package org.fleettelemetry.fleet;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the fleet aggregates (totals, per day, per country) up to date, inside the
 * caller's transaction. Each transaction adds to one of {@value #STRIPES} stripes chosen
 * at random, so that concurrent writers rarely wait on the same row; reads sum the
 * stripes. Rows are always touched in the same order (days, countries, totals) so that
 * writers cannot deadlock; a crediting transaction applies its delta in one round trip
 * (V6__record_fleet_delta.sql).
 */
@Service
public class FleetLedger {

	static final int STRIPES = 16;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final ApplicationEventPublisher events;

	FleetLedger(JdbcClient jdbc, JdbcTemplate template, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.template = template;
		this.events = events;
	}

	/**
	 * Applies what a transaction credited, then, when it credited any distance, publishes
	 * {@link DistanceCredited} to listeners that run in the same transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(FleetDelta delta) {
		if (delta.isEmpty()) {
			return;
		}
		int stripe = ThreadLocalRandom.current().nextInt(STRIPES);
		Map<LocalDate, long[]> days = delta.days();
		List<long[]> dayFigures = List.copyOf(days.values());
		this.jdbc.sql("""
				select record_fleet_delta(?::smallint, ?::date[], ?::bigint[], ?::bigint[], ?::bigint[], ?::char(2)[],
				    ?::bigint[], ?, ?)""")
			.params(stripe, days.keySet().stream().map(LocalDate::toString).toArray(String[]::new),
					column(dayFigures, 0), column(dayFigures, 1), column(dayFigures, 2),
					delta.countries().keySet().toArray(String[]::new), delta.countries().values().toArray(Long[]::new),
					delta.distanceM(), delta.reports())
			.query((ResultSet rs) -> {
			});
		if (delta.distanceM() > 0) {
			this.events.publishEvent(new DistanceCredited(delta.distanceM(), delta.credits()));
		}
	}

	private static Long[] column(List<long[]> rows, int index) {
		return rows.stream().map((row) -> row[index]).toArray(Long[]::new);
	}

	/**
	 * Counts newly registered vehicles, by country.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void vehiclesRegistered(Map<String, Long> byCountry) {
		if (byCountry.isEmpty()) {
			return;
		}
		int stripe = ThreadLocalRandom.current().nextInt(STRIPES);
		// sorted, as every writer of these rows takes them: writers cannot deadlock
		addToCountries(new TreeMap<>(byCountry).entrySet()
			.stream()
			.map((e) -> new Object[] { e.getKey(), stripe, e.getValue() })
			.toList(), "vehicles");
		long count = byCountry.values().stream().mapToLong(Long::longValue).sum();
		this.jdbc.sql("update fleet_totals set vehicles = vehicles + ? where stripe = ?")
			.params(count, stripe)
			.update();
	}

	/**
	 * Records that the fleet reached the milestone of {@code distanceKm} at
	 * {@code reachedAt}, for the summary's last milestone; a lower one than already
	 * recorded changes nothing.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void milestoneReached(long distanceKm, Instant reachedAt) {
		this.jdbc
			.sql("""
					insert into fleet_last_milestone (threshold_km, reached_at) values (?, ?)
					on conflict (only_row) do update set threshold_km = excluded.threshold_km, reached_at = excluded.reached_at
					where fleet_last_milestone.threshold_km < excluded.threshold_km""")
			.params(distanceKm, Timestamp.from(reachedAt))
			.update();
	}

	/**
	 * Moves a vehicle of {@code country} from the active count to the retired one; its
	 * distance stays in every figure.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void vehicleRetired(String country) {
		int stripe = ThreadLocalRandom.current().nextInt(STRIPES);
		addToCountries(List.<Object[]>of(new Object[] { country, stripe, -1L }), "vehicles");
		this.jdbc
			.sql("update fleet_totals set vehicles = vehicles - 1, retired_vehicles = retired_vehicles + 1 "
					+ "where stripe = ?")
			.param(stripe)
			.update();
	}

	private void addToCountries(List<Object[]> rows, String column) {
		this.template.batchUpdate("insert into fleet_countries (country, stripe, " + column + ") values (?, ?, ?) "
				+ "on conflict (country, stripe) do update set " + column + " = fleet_countries." + column
				+ " + excluded." + column, rows);
	}

}
