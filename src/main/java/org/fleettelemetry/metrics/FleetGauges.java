package org.fleettelemetry.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.fleettelemetry.fleet.Co2;
import org.fleettelemetry.fleet.FleetFigures;
import org.fleettelemetry.fleet.FleetTotals;
import org.fleettelemetry.ingestion.Quarantine;
import org.fleettelemetry.shared.RepeatingTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The fleet figures as gauges, read from the database (so that every instance publishes
 * the same values), and the readiness of this instance. Both are refreshed by one
 * background thread every {@code fleet.metrics.refresh-interval}: a scrape reads the last
 * figures and never touches the database, however often it comes and whether the database
 * answers or not. While the database cannot be read the fleet gauges keep their last
 * values: nothing can be credited meanwhile.
 */
@Component
class FleetGauges extends RepeatingTask implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(FleetGauges.class);

	private final FleetFigures figures;

	private final Co2 co2;

	private final ObjectProvider<HealthEndpoint> health;

	private final Quarantine quarantine;

	private volatile Totals totals = Totals.UNKNOWN;

	private volatile double openAnomalies = Double.NaN;

	private volatile double ready = Double.NaN;

	FleetGauges(FleetFigures figures, Co2 co2, Quarantine quarantine, ObjectProvider<HealthEndpoint> health,
			MetricsSettings settings) {
		super("fleet-gauges", settings.refreshInterval());
		this.figures = figures;
		this.co2 = co2;
		this.quarantine = quarantine;
		this.health = health;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("fleet.distance", this, (g) -> g.totals.distanceM())
			.baseUnit("meters")
			.description("Credited distance of the whole fleet, read from the database")
			.register(registry);
		Gauge.builder("fleet.co2.avoided", this, (g) -> g.totals.co2Grams())
			.baseUnit("grams")
			.description("CO2 avoided by the whole fleet, read from the database")
			.register(registry);
		Gauge.builder("fleet.vehicles", this, (g) -> g.totals.vehicles())
			.description("Active (registered, not retired) vehicles, read from the database")
			.register(registry);
		Gauge.builder("fleet.vehicles.retired", this, (g) -> g.totals.retiredVehicles())
			.description("Vehicles retired from the fleet, read from the database")
			.register(registry);
		Gauge.builder("fleet.reports", this, (g) -> g.totals.reports())
			.description("Accepted reports of the whole fleet, read from the database")
			.register(registry);
		Gauge.builder("fleet.anomalies.open", this, (g) -> g.openAnomalies)
			.description("Quarantined reports waiting for review (OPEN anomalies), read from the database")
			.register(registry);
		Gauge.builder("fleet.ready", this, (g) -> g.ready)
			.description("1 while this instance is ready for traffic (its readiness group is UP), else 0")
			.register(registry);
	}

	@Override
	protected void runOnce() {
		this.ready = readReadiness();
		if (this.ready == 0) {
			// the database is likely out of reach: waiting for a connection again would
			// only delay the next round
			return;
		}
		try {
			this.totals = readTotals();
			this.openAnomalies = this.quarantine.openAnomalies();
		}
		catch (DataAccessException ex) {
			log.debug("Could not read the fleet totals or the open anomalies; the gauges keep their last values", ex);
		}
	}

	private Totals readTotals() {
		FleetTotals sums = this.figures.totals();
		return new Totals(sums.distanceM(), this.co2.avoidedGrams(sums.distanceM()), sums.vehicles(),
				sums.retiredVehicles(), sums.reports());
	}

	private double readReadiness() {
		HealthEndpoint endpoint = this.health.getIfAvailable();
		if (endpoint == null) {
			return Double.NaN;
		}
		HealthDescriptor readiness = endpoint.healthForPath("readiness");
		HealthDescriptor descriptor = (readiness != null) ? readiness : endpoint.health();
		return Status.UP.equals(descriptor.getStatus()) ? 1 : 0;
	}

	/**
	 * The fleet totals as last read; {@code NaN} before the first read.
	 */
	private record Totals(double distanceM, double co2Grams, double vehicles, double retiredVehicles, double reports) {

		static final Totals UNKNOWN = new Totals(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

	}

}
