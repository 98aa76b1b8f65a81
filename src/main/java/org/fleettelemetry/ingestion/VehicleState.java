package org.fleettelemetry.ingestion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.fleettelemetry.vehicles.VehicleRef;
import org.jspecify.annotations.Nullable;

/**
 * One vehicle while a transaction credits its reports, its row locked: its odometers,
 * what the transaction adds to its figures, and the readings it accepted but has not yet
 * written.
 */
final class VehicleState {

	final VehicleRef ref;

	final List<Odometer> odometers;

	final long storedDistanceM;

	/** What this transaction credits it. */
	final Tally added = new Tally();

	Instant lastReportAt;

	/** When the vehicle was retired: its reports are refused from then on. */
	@Nullable Instant retiredAt;

	VehicleState(VehicleRef ref, long storedDistanceM, List<Odometer> odometers) {
		this.ref = ref;
		this.storedDistanceM = storedDistanceM;
		this.odometers = odometers;
	}

	long distanceM() {
		return this.storedDistanceM + this.added.distanceM;
	}

	boolean changed() {
		return this.added.reports > 0;
	}

	/**
	 * The odometer a reading recorded at {@code recordedAt} belongs to: the latest one in
	 * effect then.
	 */
	Odometer odometerAt(Instant recordedAt) {
		Odometer found = this.odometers.get(0);
		for (Odometer odometer : this.odometers) {
			if (odometer.effectiveAt == null || !odometer.effectiveAt.isAfter(recordedAt)) {
				found = odometer;
			}
		}
		return found;
	}

	void count(Report report, long creditedM) {
		this.added.add(report, creditedM);
		if (this.lastReportAt == null || report.recordedAt().isAfter(this.lastReportAt)) {
			this.lastReportAt = report.recordedAt();
		}
	}

	/**
	 * One physical odometer: its baseline (never credited) and its highest accepted
	 * reading. Accepted readings of one odometer never decrease over time, so the latest
	 * is also the highest.
	 */
	static final class Odometer {

		final int seq;

		final Instant effectiveAt;

		Long baselineM;

		/**
		 * Whether the baseline is a dated reading (the first one accepted), not an
		 * undated enrolment figure.
		 */
		boolean baselineRead;

		Long highM;

		Instant highAt;

		boolean changed;

		final List<Reading> pending = new ArrayList<>();

		Odometer(int seq, Instant effectiveAt, Long baselineM, boolean baselineRead, Long highM, Instant highAt) {
			this.seq = seq;
			this.effectiveAt = effectiveAt;
			this.baselineM = baselineM;
			this.baselineRead = baselineRead;
			this.highM = highM;
			this.highAt = highAt;
		}

		/**
		 * The undated floor no reading may go below: the baseline given at enrolment or
		 * at a reset. A baseline taken from a reading is dated, and judged as a reading.
		 */
		Long floorM() {
			return this.baselineRead ? null : this.baselineM;
		}

		/**
		 * Takes an accepted reading and returns the metres it credits: its increase over
		 * the highest reading so far (or over the baseline); the first reading without a
		 * baseline becomes it.
		 */
		long accept(Reading reading) {
			long reference = (this.highM != null) ? this.highM
					: (this.baselineM != null) ? this.baselineM : reading.odometerM();
			if (this.baselineM == null) {
				this.baselineM = reading.odometerM();
				this.baselineRead = true;
			}
			long credited = Math.max(0, reading.odometerM() - reference);
			this.highM = Math.max(reference, reading.odometerM());
			if (this.highAt == null || reading.recordedAt().isAfter(this.highAt)) {
				this.highAt = reading.recordedAt();
			}
			this.pending.add(reading);
			this.changed = true;
			return credited;
		}

	}

}
