package org.fleettelemetry.vehicles;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.persistence.criteria.Predicate;
import org.fleettelemetry.shared.FleetException;
import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.domain.Specification;

/**
 * The filters of the vehicle list, each optional, checked as they are read so that a bad
 * one is a 400 naming its parameter.
 *
 * @param country ISO 3166-1 alpha-2 code
 * @param model the model, exactly
 * @param status ACTIVE or RETIRED
 * @param vinPrefix the first characters of the VIN
 * @param reportedSince vehicles with an accepted report recorded on this UTC day or later
 */
record VehicleFilter(@Nullable String country, @Nullable String model, @Nullable VehicleStatus status,
		@Nullable String vinPrefix, @Nullable LocalDate reportedSince) {

	private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

	private static final Pattern VIN_PREFIX = Pattern.compile("[A-HJ-NPR-Z0-9]{1,17}");

	/**
	 * Reads the filters as a request gives them.
	 */
	static VehicleFilter of(@Nullable String country, @Nullable String model, @Nullable String status,
			@Nullable String vinPrefix, @Nullable String reportedSince) {
		return new VehicleFilter(check("country", country, COUNTRY, "must be an ISO 3166-1 alpha-2 code such as ES"),
				(model != null && model.length() > 64) ? invalid("model", "must be at most 64 characters") : model,
				status(status),
				check("vinPrefix", vinPrefix, VIN_PREFIX,
						"must be 1 to 17 characters, digits and capital letters except I, O and Q"),
				date(reportedSince));
	}

	/**
	 * The filters as a query condition; the VIN prefix is a range of the VIN's index
	 * (from the prefix padded with 0, the smallest VIN character, to it padded with Z,
	 * the largest), which a {@code like} would not be under every collation.
	 */
	Specification<Vehicle> specification() {
		return (root, query, cb) -> {
			List<Predicate> all = new ArrayList<>();
			if (this.country != null) {
				all.add(cb.equal(root.get("country"), this.country));
			}
			if (this.model != null) {
				all.add(cb.equal(root.get("model"), this.model));
			}
			if (this.status != null) {
				all.add(cb.equal(root.get("status"), this.status));
			}
			if (this.vinPrefix != null) {
				int pad = 17 - this.vinPrefix.length();
				all.add(cb.between(root.get("vin"), this.vinPrefix + "0".repeat(pad),
						this.vinPrefix + "Z".repeat(pad)));
			}
			if (this.reportedSince != null) {
				all.add(cb.greaterThanOrEqualTo(root.get("lastReportDay"), this.reportedSince));
			}
			return cb.and(all.toArray(Predicate[]::new));
		};
	}

	private static @Nullable String check(String parameter, @Nullable String value, Pattern pattern, String expected) {
		if (value != null && !pattern.matcher(value).matches()) {
			return invalid(parameter, expected);
		}
		return value;
	}

	private static @Nullable VehicleStatus status(@Nullable String status) {
		if (status == null) {
			return null;
		}
		try {
			return VehicleStatus.valueOf(status.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return invalid("status", "must be ACTIVE or RETIRED");
		}
	}

	private static @Nullable LocalDate date(@Nullable String date) {
		try {
			return (date != null) ? LocalDate.parse(date) : null;
		}
		catch (DateTimeParseException ex) {
			return invalid("reportedSince", "must be a date such as 2014-09-01");
		}
	}

	private static <T> T invalid(String parameter, String detail) {
		throw FleetException.invalidField(parameter, detail);
	}

}
