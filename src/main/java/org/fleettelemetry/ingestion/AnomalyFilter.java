package org.fleettelemetry.ingestion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.criteria.Predicate;
import org.fleettelemetry.shared.Cursor;
import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.shared.FleetException;
import org.fleettelemetry.vehicles.Vin;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * The filters of the review list, each optional, checked as they are read so that a bad
 * one is a 400 naming its parameter; and its one order, newest (highest id) first, with
 * the keyset condition that starts a page after a cursor. Every combination of filters is
 * an index range in id order (V11__anomaly_review.sql says which are filtered on the
 * VIN's index as they are read).
 *
 * @param vin the VIN the report was sent for
 * @param code why it was quarantined
 * @param status where its review stands
 */
record AnomalyFilter(@Nullable String vin, @Nullable ErrorCode code, @Nullable AnomalyStatus status) {

	/** The name a cursor of this list carries. */
	static final String ORDER = "newest";

	static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "id");

	/** The codes a report is quarantined with. */
	private static final List<ErrorCode> CODES = Arrays.stream(ErrorCode.values())
		.filter(ErrorCode::breaksCreditingRule)
		.toList();

	/**
	 * Reads the filters as a request gives them.
	 */
	static AnomalyFilter of(@Nullable String vin, @Nullable String code, @Nullable String status) {
		return new AnomalyFilter((vin != null) ? Vin.check(vin) : null, code(code), status(status));
	}

	Specification<Anomaly> specification() {
		return (root, query, cb) -> {
			List<Predicate> all = new ArrayList<>();
			if (this.vin != null) {
				all.add(cb.equal(root.get("vin"), this.vin));
			}
			if (this.code != null) {
				all.add(cb.equal(root.get("code"), this.code));
			}
			if (this.status != null) {
				all.add(cb.equal(root.get("status"), this.status));
			}
			return cb.and(all.toArray(Predicate[]::new));
		};
	}

	/**
	 * The anomalies after the cursor: older than the last of the page before.
	 */
	static Specification<Anomaly> after(String cursor) {
		long id = Cursor.decode(cursor, ORDER, 1).number(0);
		return (root, query, cb) -> cb.lessThan(root.get("id"), id);
	}

	static Cursor cursorAfter(Anomaly last) {
		return new Cursor(ORDER, List.of(Long.toString(last.id())));
	}

	private static @Nullable ErrorCode code(@Nullable String code) {
		if (code == null) {
			return null;
		}
		return CODES.stream()
			.filter((candidate) -> candidate.name().equals(code.toUpperCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> FleetException.invalidField("code",
					"must be one of " + String.join(", ", CODES.stream().map(Enum::name).toList())));
	}

	private static @Nullable AnomalyStatus status(@Nullable String status) {
		if (status == null) {
			return null;
		}
		try {
			return AnomalyStatus.valueOf(status.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw FleetException.invalidField("status", "must be OPEN, RELEASED or DISCARDED");
		}
	}

}
