package org.fleettelemetry.ingestion;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * A checked report, in the service's units: whole metres and watt-hours, instants to the
 * microsecond (as PostgreSQL keeps them). Two reports with the same id are duplicates
 * when they are equal.
 */
record Report(String reportId, ReportType type, @Nullable Instant startedAt, Instant recordedAt, long odometerM,
		@Nullable Long distanceM, @Nullable Long energyConsumedWh, @Nullable Long energyRegeneratedWh) {

	LocalDate day() {
		return LocalDate.ofInstant(this.recordedAt, ZoneOffset.UTC);
	}

	boolean isTrip() {
		return this.type == ReportType.TRIP;
	}

}
