package org.fleettelemetry.fleet;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the fleet aggregates (totals, per day, per country) up to date, inside the caller's
 * transaction. Each transaction adds to one of {@value #STRIPES} stripes chosen at random, so that
 * concurrent writers rarely wait on the same row; reads sum the stripes. Rows are always touched in
 * the same order (days, countries, totals) so that writers cannot deadlock.
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
		List<Object[]> days = new ArrayList<>();
		for (Map.Entry<java.time.LocalDate, long[]> day : delta.days().entrySet()) {
			long[] v = day.getValue();
			days.add(new Object[] { Date.valueOf(day.getKey()), stripe, v[0], v[1], v[2] });
		}
		this.template.batchUpdate("""
				insert into fleet_daily (day, stripe, distance_m, reports, reporting_vehicles) values (?, ?, ?, ?, ?)
				on conflict (day, stripe) do update set distance_m = fleet_daily.distance_m + excluded.distance_m,
				    reports = fleet_daily.reports + excluded.reports,
				    reporting_vehicles = fleet_daily.reporting_vehicles + excluded.reporting_vehicles""", days);
		List<Object[]> countries = new ArrayList<>();
		delta.countries().forEach((country, metres) -> countries.add(new Object[] { country, stripe, metres }));
		addToCountries(countries, "distance_m");
		this.jdbc.sql("update fleet_totals set distance_m = distance_m + ?, reports = reports + ? where stripe = ?")
			.params(delta.distanceM(), delta.reports(), stripe)
			.update();
		if (delta.distanceM() > 0) {
			this.events.publishEvent(new DistanceCredited(delta.distanceM(), delta.credits()));
		}
	}

	/**
	 * Counts a newly registered vehicle of {@code country}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void vehicleRegistered(String country) {
		int stripe = ThreadLocalRandom.current().nextInt(STRIPES);
		addToCountries(List.<Object[]>of(new Object[] { country, stripe, 1L }), "vehicles");
		this.jdbc.sql("update fleet_totals set vehicles = vehicles + 1 where stripe = ?").param(stripe).update();
	}

	private void addToCountries(List<Object[]> rows, String column) {
		this.template.batchUpdate("insert into fleet_countries (country, stripe, " + column + ") values (?, ?, ?) "
				+ "on conflict (country, stripe) do update set " + column + " = fleet_countries." + column
				+ " + excluded." + column, rows);
	}

}
