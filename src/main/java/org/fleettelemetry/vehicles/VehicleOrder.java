package org.fleettelemetry.vehicles;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.fleettelemetry.shared.Cursor;
import org.fleettelemetry.shared.FleetException;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * An order of the vehicle list ({@code ?sort=}), always broken by VIN so that it is
 * total, and the keyset condition that starts a page right after a cursor. The condition
 * is written so that an index on (key, vin) serves it as a range:
 * {@code key >= k and (key >
 * k or vin > v)}, never an {@code or} over the whole table.
 *
 * @param key the sort key
 * @param descending whether the order is descending
 */
record VehicleOrder(Key key, boolean descending) {

	static final VehicleOrder DEFAULT = new VehicleOrder(Key.VIN, false);

	/**
	 * The keys a client may sort by, named as in the vehicle view.
	 */
	enum Key {

		VIN("vin", "vin", false, Vehicle::vin), DISTANCE("distanceKm", "distanceM", false, (v) -> v.distanceM()),
		LAST_REPORT("lastReportAt", "lastReportAt", true, Vehicle::lastReportAt),
		REGISTERED("registeredAt", "registeredAt", false, Vehicle::registeredAt);

		private final String parameter;

		private final String attribute;

		private final boolean nullable;

		private final Function<Vehicle, @Nullable Object> value;

		Key(String parameter, String attribute, boolean nullable, Function<Vehicle, @Nullable Object> value) {
			this.parameter = parameter;
			this.attribute = attribute;
			this.nullable = nullable;
			this.value = value;
		}

		@Nullable Comparable<?> parse(String text) {
			if (text.isEmpty()) {
				return null;
			}
			return switch (this) {
				case VIN -> text;
				case DISTANCE -> Long.valueOf(text);
				case LAST_REPORT, REGISTERED -> Instant.parse(text);
			};
		}

	}

	/**
	 * Reads {@code ?sort=}: a key, optionally followed by {@code ,asc} or {@code ,desc}.
	 */
	static VehicleOrder parse(@Nullable String sort) {
		if (sort == null || sort.isBlank()) {
			return DEFAULT;
		}
		String[] parts = sort.split(",", -1);
		Key key = null;
		for (Key candidate : Key.values()) {
			if (candidate.parameter.equals(parts[0])) {
				key = candidate;
			}
		}
		String direction = (parts.length == 2) ? parts[1].toLowerCase(Locale.ROOT) : "asc";
		if (key == null || parts.length > 2 || !List.of("asc", "desc").contains(direction)) {
			throw FleetException.invalidField("sort",
					"must be one of vin, distanceKm, lastReportAt, registeredAt, each with ,asc or ,desc");
		}
		return new VehicleOrder(key, direction.equals("desc"));
	}

	/** The name a cursor carries, so that a cursor of one order is refused by another. */
	String name() {
		return this.key.parameter + (this.descending ? ",desc" : ",asc");
	}

	Sort sort() {
		Sort.Direction direction = this.descending ? Sort.Direction.DESC : Sort.Direction.ASC;
		Sort.Order byVin = Sort.Order.by("vin").with(direction);
		if (this.key == Key.VIN) {
			return Sort.by(byVin);
		}
		Sort.Order byKey = Sort.Order.by(this.key.attribute).with(direction);
		// a key that is never null is ordered without a nulls clause: "desc nulls last"
		// is an order no index (key, vin) gives, read backwards or not
		return Sort.by(this.key.nullable ? byKey.nullsLast() : byKey, byVin);
	}

	/**
	 * The cursor after {@code last}, the last vehicle of a page.
	 */
	Cursor cursorAfter(Vehicle last) {
		Object value = this.key.value.apply(last);
		return new Cursor(name(), List.of((value != null) ? value.toString() : "", last.vin()));
	}

	/**
	 * The vehicles after the cursor in this order.
	 */
	Specification<Vehicle> after(Cursor cursor) {
		Comparable<?> value;
		try {
			value = this.key.parse(cursor.key(0));
		}
		catch (RuntimeException ex) {
			throw Cursor.invalid();
		}
		String vin = cursor.key(1);
		return (root, query, cb) -> (this.key == Key.VIN) ? beyond(cb, root.get("vin"), vin)
				: after(root, cb, value, vin);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Predicate after(Root<Vehicle> root, CriteriaBuilder cb, @Nullable Comparable value, String vin) {
		Path<Comparable> key = root.get(this.key.attribute);
		Path<String> vins = root.get("vin");
		if (value == null) {
			// only the vehicles without a value are left, after this VIN
			return cb.and(cb.isNull(key), beyond(cb, vins, vin));
		}
		Predicate sameOrBeyond = this.descending ? cb.lessThanOrEqualTo(key, value)
				: cb.greaterThanOrEqualTo(key, value);
		Predicate strictlyBeyond = this.descending ? cb.lessThan(key, value) : cb.greaterThan(key, value);
		Predicate page = cb.and(sameOrBeyond, cb.or(strictlyBeyond, beyond(cb, vins, vin)));
		return this.key.nullable ? cb.or(page, cb.isNull(key)) : page;
	}

	private Predicate beyond(CriteriaBuilder cb, Path<String> vins, String vin) {
		return this.descending ? cb.lessThan(vins, vin) : cb.greaterThan(vins, vin);
	}

}
