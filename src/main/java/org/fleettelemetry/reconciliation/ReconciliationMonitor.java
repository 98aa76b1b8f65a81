package org.fleettelemetry.reconciliation;

import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.fleettelemetry.shared.RepeatingTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Reconciles every {@code fleet.reconciliation.interval} on every instance, in the
 * background, and publishes the drift and the time of the last check as gauges: a scrape
 * never waits for the sums. While the database cannot be read the gauges keep their last
 * values, and the time of the last check shows how old they are.
 */
@Component
class ReconciliationMonitor extends RepeatingTask implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(ReconciliationMonitor.class);

	private final Reconciler reconciler;

	private final Clock clock;

	private volatile double driftM = Double.NaN;

	private volatile double checkedAtSeconds = Double.NaN;

	ReconciliationMonitor(Reconciler reconciler, Clock clock, ReconciliationSettings settings) {
		super("reconciliation", settings.interval());
		this.reconciler = reconciler;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("fleet.reconciliation.drift", this, (m) -> m.driftM)
			.baseUnit("meters")
			.description("Largest difference between the fleet's distance and a source's, at the last reconciliation")
			.register(registry);
		Gauge.builder("fleet.reconciliation.last.check.timestamp", this, (m) -> m.checkedAtSeconds)
			.baseUnit("seconds")
			.description("When this instance last reconciled the fleet's figures, in seconds since the epoch")
			.register(registry);
	}

	@Override
	protected void runOnce() {
		Instant checkedAt = this.clock.instant();
		Sums sums;
		try {
			sums = this.reconciler.sums();
		}
		catch (DataAccessException ex) {
			log.debug("Could not reconcile the fleet's figures; the gauges keep their last values", ex);
			return;
		}
		if (!sums.ok()) {
			log.warn("The fleet's figures do not reconcile: {}", Reconciliation.of(sums, checkedAt));
		}
		this.driftM = sums.driftM();
		this.checkedAtSeconds = checkedAt.toEpochMilli() / 1000.0;
	}

}
