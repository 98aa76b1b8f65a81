package org.fleettelemetry.ingestion;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import org.fleettelemetry.shared.Distances;
import org.fleettelemetry.shared.ErrorCode;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Decides whether a report can be credited: its odometer must lie between the readings
 * recorded just before and just after it (and not below its odometer's baseline), must
 * not have grown faster than the speed limit since the reading before, and must not be
 * recorded in the future.
 */
@Component
class Judge {

	/** Clock rounding: a reading may exceed the speed limit by this much. */
	private static final long SLACK_M = 1000;

	private final ReportStore store;

	private final IngestionSettings.Validation settings;

	Judge(ReportStore store, IngestionSettings settings) {
		this.store = store;
		this.settings = settings.validation();
	}

	/**
	 * Why {@code report} cannot be credited, or {@code null} when it can; the check the
	 * waiver names is set aside.
	 */
	@Nullable Verdict refusal(VehicleState vehicle, Report report, Instant now, Waiver waiver) {
		Instant at = report.recordedAt();
		if (at.isAfter(now.plus(this.settings.futureTolerance()))) {
			return new Verdict(ErrorCode.TIMESTAMP_IN_FUTURE, "recordedAt " + at + " is ahead of the server clock ("
					+ now + ") by more than " + this.settings.futureTolerance().toSeconds() + " s");
		}
		VehicleState.Odometer odometer = vehicle.odometerAt(at);
		long reading = report.odometerM();
		Long floor = odometer.floorM();
		if (floor != null && reading < floor) {
			return rollback(reading, "below the odometer's baseline of " + Distances.km(floor) + " km");
		}
		Reading before = null;
		Reading after = null;
		if (odometer.highAt != null && !at.isBefore(odometer.highAt)) {
			before = new Reading(odometer.highAt, odometer.highM);
		}
		else if (odometer.highAt != null) {
			before = latest(this.store.before(vehicle.ref.id(), odometer.seq, at),
					odometer.pending.stream().filter((r) -> !r.recordedAt().isAfter(at)));
			after = earliest(this.store.after(vehicle.ref.id(), odometer.seq, at),
					odometer.pending.stream().filter((r) -> r.recordedAt().isAfter(at)));
		}
		if (before != null && reading < before.odometerM()) {
			return rollback(reading, "lower than the reading of " + Distances.km(before.odometerM())
					+ " km recorded at " + before.recordedAt());
		}
		if (after != null && reading > after.odometerM()) {
			return rollback(reading, "higher than the reading of " + Distances.km(after.odometerM())
					+ " km recorded later, at " + after.recordedAt());
		}
		if (before != null && waiver != Waiver.SPEED_CHECK
				&& reading - before.odometerM() > allowedIncrease(before.recordedAt(), at)) {
			return new Verdict(ErrorCode.IMPLAUSIBLE_DISTANCE,
					Distances.km(reading - before.odometerM()) + " km since the reading at " + before.recordedAt()
							+ " is more than " + this.settings.maxSpeedKmh() + " km/h allows");
		}
		return null;
	}

	private long allowedIncrease(Instant from, Instant to) {
		// km/h * ms: metres = maxSpeedKmh * 1000 * ms / 3,600,000
		return SLACK_M + this.settings.maxSpeedKmh() * Duration.between(from, to).toMillis() / 3600;
	}

	private static Verdict rollback(long reading, String why) {
		return new Verdict(ErrorCode.ODOMETER_ROLLBACK,
				"The odometer reading " + Distances.km(reading) + " km is " + why);
	}

	private static Reading latest(Optional<Reading> stored, Stream<Reading> pending) {
		return Stream.concat(stored.stream(), pending).max(Reading.ORDER).orElse(null);
	}

	private static Reading earliest(Optional<Reading> stored, Stream<Reading> pending) {
		return Stream.concat(stored.stream(), pending).min(Reading.ORDER).orElse(null);
	}

	record Verdict(ErrorCode code, String detail) {
	}

}
