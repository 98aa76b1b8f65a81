package org.fleettelemetry.ingestion;

import org.fleettelemetry.shared.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * What became of one report.
 *
 * @param reportId the report
 * @param status accepted, duplicate or rejected
 * @param creditedM metres credited (as first credited, for a duplicate); {@code null}
 * when rejected
 * @param vehicleDistanceM the vehicle's credited distance after it; {@code null} when
 * rejected
 * @param code why it was rejected, else {@code null}
 * @param detail the rejection in words, else {@code null}
 */
record Outcome(String reportId, Status status, @Nullable Long creditedM, @Nullable Long vehicleDistanceM,
		@Nullable ErrorCode code, @Nullable String detail) {

	enum Status {

		ACCEPTED, DUPLICATE, REJECTED

	}

	static Outcome accepted(String reportId, long creditedM, long vehicleDistanceM) {
		return new Outcome(reportId, Status.ACCEPTED, creditedM, vehicleDistanceM, null, null);
	}

	static Outcome duplicate(String reportId, long creditedM, long vehicleDistanceM) {
		return new Outcome(reportId, Status.DUPLICATE, creditedM, vehicleDistanceM, null, null);
	}

	static Outcome rejected(String reportId, ErrorCode code, String detail) {
		return new Outcome(reportId, Status.REJECTED, null, null, code, detail);
	}

}
