package org.fleettelemetry.vehicles;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fleettelemetry.fleet.Co2;
import org.fleettelemetry.fleet.FleetLedger;
import org.fleettelemetry.shared.Cursor;
import org.fleettelemetry.shared.Distances;
import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.shared.FleetException;
import org.fleettelemetry.shared.Fields;
import org.fleettelemetry.shared.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vehicle registry: registration, tokens, odometer replacements and each vehicle's
 * figures.
 */
@Service
@Transactional
public class Vehicles {

	private final JdbcClient jdbc;

	private final FleetLedger fleet;

	private final Co2 co2;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final RegisteredVehicles registered;

	Vehicles(JdbcClient jdbc, RegisteredVehicles registered, FleetLedger fleet, Co2 co2, Clock clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.registered = registered;
		this.fleet = fleet;
		this.co2 = co2;
		this.clock = clock;
		this.events = events;
	}

	VehicleRequests.Credentials rotateToken(String vin) {
		String token = VehicleTokens.generate();
		int updated = this.jdbc.sql("update vehicles set token_hash = ? where vin = ? and status = 'ACTIVE'")
			.params(VehicleTokens.hash(token), vin)
			.update();
		if (updated == 0) {
			throw notActive(vin);
		}
		forgetToken(vin);
		return new VehicleRequests.Credentials(vin, token);
	}

	/**
	 * Takes the vehicle out of the fleet's active count, keeping its figures and reports:
	 * its token stops working (here at once, on the other instances at their next poll of
	 * the token rotations) and its later reports are refused as {@code VEHICLE_RETIRED}.
	 * The update is conditional, so of racing retirements one wins and the others are
	 * told the vehicle is retired.
	 */
	VehicleView retire(String vin, VehicleRequests.Retirement retirement) {
		String reason = Fields.text("reason", retirement.reason(), 500);
		String country = this.jdbc.sql("""
				update vehicles set status = 'RETIRED', retired_at = ?, retire_reason = ?
				where vin = ? and status = 'ACTIVE' returning country""")
			.params(Timestamp.from(this.clock.instant()), reason, vin)
			.query(String.class)
			.optional()
			.orElseThrow(() -> notActive(vin));
		this.fleet.vehicleRetired(country);
		forgetToken(vin);
		return view(vin);
	}

	/**
	 * Why a change of a vehicle found no active row: it is retired, or unknown.
	 */
	private FleetException notActive(String vin) {
		return exists(vin) ? retired(vin) : FleetException.vehicleNotFound(vin);
	}

	private static FleetException retired(String vin) {
		return new FleetException(ErrorCode.VEHICLE_RETIRED, "Vehicle " + vin + " is retired");
	}

	/**
	 * Makes every instance forget which vehicle the old token belonged to: this one at
	 * once, the others when they next poll the token rotations.
	 */
	private void forgetToken(String vin) {
		// clock_timestamp(), the latest time this transaction can tell
		this.jdbc.sql("""
				insert into token_rotations (vin, rotated_at) values (?, clock_timestamp())
				on conflict (vin) do update set rotated_at = excluded.rotated_at""").param(vin).update();
		this.events.publishEvent(new TokenRotated(vin));
	}

	/**
	 * The sum of every vehicle's credited distance, retired ones included, in metres: a
	 * scan of the vehicles, whatever the number of stored reports. Mandatory: the
	 * caller's transaction decides which snapshot it shares with its other reads.
	 */
	@Transactional(propagation = Propagation.MANDATORY, readOnly = true)
	public long creditedDistanceM() {
		return this.jdbc.sql("select coalesce(sum(distance_m), 0) from vehicles").query(Long.class).single();
	}

	/**
	 * Records that the vehicle's odometer was replaced: reports recorded from
	 * {@code effectiveAt} on are credited against the new baseline. Resets come in time
	 * order.
	 */
	VehicleRequests.OdometerResetDone resetOdometer(String vin, VehicleRequests.OdometerReset reset) {
		long baseline = Fields.required("odometerKm", Fields.thousandths("odometerKm",
				Fields.kmOrMiles("odometer", reset.odometerKm(), reset.odometerMi()), Fields.MAX_KM));
		Instant effectiveAt = Fields.required("effectiveAt", reset.effectiveAt());
		String reason = (reset.reason() != null) ? Fields.text("reason", reset.reason(), 200) : null;
		record Locked(long id, String status) {
		}
		Locked vehicle = this.jdbc.sql("select id, status from vehicles where vin = ? for update")
			.param(vin)
			.query(Locked.class)
			.optional()
			.orElseThrow(() -> FleetException.vehicleNotFound(vin));
		if (!vehicle.status().equals(VehicleStatus.ACTIVE.name())) {
			throw retired(vin);
		}
		long id = vehicle.id();
		record Latest(int seq, Timestamp effectiveAt) {
		}
		Latest latest = this.jdbc
			.sql("select seq, effective_at from odometers where vehicle_id = ? order by seq desc limit 1")
			.param(id)
			.query(Latest.class)
			.single();
		if (latest.effectiveAt() != null && !effectiveAt.isAfter(latest.effectiveAt().toInstant())) {
			throw new FleetException(ErrorCode.RESET_OUT_OF_ORDER,
					"effectiveAt must be after the previous reset, effective " + latest.effectiveAt().toInstant());
		}
		this.jdbc.sql("""
				insert into odometers (vehicle_id, seq, effective_at, baseline_m, reason, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, latest.seq() + 1, Timestamp.from(effectiveAt), baseline, reason,
					Timestamp.from(this.clock.instant()))
			.update();
		return new VehicleRequests.OdometerResetDone(vin, Distances.km(baseline), effectiveAt);
	}

	@Transactional(readOnly = true)
	public VehicleView view(String vin) {
		return this.registered.findByVin(vin).map(this::view).orElseThrow(() -> FleetException.vehicleNotFound(vin));
	}

	/**
	 * A keyset page of the vehicles that pass {@code filter}, in {@code order}, after
	 * {@code cursor} (the first page without one).
	 */
	@Transactional(readOnly = true)
	Page<VehicleView> list(VehicleFilter filter, VehicleOrder order, @Nullable String cursor, int size) {
		Specification<Vehicle> query = filter.specification();
		if (cursor != null) {
			query = query.and(order.after(Cursor.decode(cursor, order.name(), 2)));
		}
		List<Vehicle> found = this.registered.findBy(query, (q) -> q.sortBy(order.sort()).limit(size + 1).all());
		return Page.of(found, size, this::view, order::cursorAfter);
	}

	private VehicleView view(Vehicle vehicle) {
		long consumed = vehicle.energyConsumedWh();
		long regenerated = vehicle.energyRegeneratedWh();
		BigDecimal kmPerKwh = (consumed > regenerated) ? BigDecimal.valueOf(vehicle.tripDistanceM())
			.divide(BigDecimal.valueOf(consumed - regenerated), 3, RoundingMode.HALF_UP) : null;
		return new VehicleView(vehicle.vin(), vehicle.model(), vehicle.country(),
				Distances.kmOrNull(vehicle.odometerM()), Distances.km(vehicle.distanceM()), vehicle.trips(),
				Distances.km(consumed), Distances.km(regenerated), kmPerKwh, this.co2.avoidedKg(vehicle.distanceM()),
				vehicle.lastReportAt(), vehicle.status(), vehicle.registeredAt(), vehicle.retiredAt());
	}

	/**
	 * The VIN of the vehicle whose token has this hash ({@link VehicleTokens#hash}), if
	 * any.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Optional<String> vinOfTokenHash(String tokenHash) {
		return this.jdbc.sql("select vin from vehicles where token_hash = ? and status = 'ACTIVE'")
			.param(tokenHash)
			.query(String.class)
			.optional();
	}

	/**
	 * The VINs of the vehicles whose token was rotated within {@code window} before now,
	 * by the database's clock (the same for every instance).
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Set<String> tokensRotatedWithin(Duration window) {
		return this.jdbc.sql("select vin from token_rotations where rotated_at > now() - ? * interval '1 millisecond'")
			.param(window.toMillis())
			.query(String.class)
			.set();
	}

	/**
	 * Whether a vehicle with this VIN is registered.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public boolean exists(String vin) {
		return this.jdbc.sql("select exists (select 1 from vehicles where vin = ?)")
			.param(vin)
			.query(Boolean.class)
			.single();
	}

}
