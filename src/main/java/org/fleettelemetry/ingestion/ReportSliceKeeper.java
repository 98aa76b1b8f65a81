package org.fleettelemetry.ingestion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.fleettelemetry.shared.RepeatingTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Keeps the reports' slices on every instance: on start, before the first report is
 * taken, and then at each maintenance interval, it creates the months ahead and drops the
 * slices past the retention (within the drop window, if one is set). Instances take turns
 * on a database lock, so running it on each is harmless and none depends on another being
 * up.
 */
@Component
class ReportSliceKeeper extends RepeatingTask {

	private static final Logger log = LoggerFactory.getLogger(ReportSliceKeeper.class);

	private final ReportSlices slices;

	private final ReportStorageSettings settings;

	private final Clock clock;

	ReportSliceKeeper(ReportSlices slices, ReportStorageSettings settings, Clock clock) {
		super("report-slices", settings.maintenanceInterval());
		this.slices = slices;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Makes sure the months ahead exist before the first report can arrive, then starts
	 * the schedule.
	 */
	@Override
	public synchronized void start() {
		ensureAhead();
		super.start();
	}

	@Override
	protected void runOnce() {
		ensureAhead();
		Instant now = this.clock.instant();
		Duration retention = this.settings.retention();
		if (retention != null && this.settings.mayDropAt(now)) {
			Instant cutoff = now.minus(retention);
			List<String> dropped = this.slices.dropBefore(cutoff, this.settings.lockTimeout());
			if (!dropped.isEmpty()) {
				log.info("Dropped the report slices recorded before {} (retention {}): {}", cutoff, retention, dropped);
			}
		}
	}

	private void ensureAhead() {
		Instant until = this.clock.instant()
			.atOffset(ZoneOffset.UTC)
			.plusMonths(this.settings.monthsAhead())
			.toInstant();
		int created = this.slices.ensureUntil(until);
		if (created > 0) {
			log.info("Created {} monthly report slices, up to the month of {}", created, until);
		}
	}

}
