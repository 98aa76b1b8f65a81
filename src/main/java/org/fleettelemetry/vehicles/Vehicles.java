package org.fleettelemetry.vehicles;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.fleettelemetry.fleet.Co2;
import org.fleettelemetry.fleet.FleetLedger;
import org.fleettelemetry.shared.Distances;
import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.shared.FleetException;
import org.fleettelemetry.shared.Fields;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
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

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private final JdbcClient jdbc;

	private final FleetLedger fleet;

	private final Co2 co2;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Vehicles(JdbcClient jdbc, FleetLedger fleet, Co2 co2, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.fleet = fleet;
		this.co2 = co2;
		this.clock = clock;
		this.events = events;
	}

	VehicleRequests.Credentials register(VehicleRequests.Register request) {
		String vin = Vin.check(request.vin());
		String model = Fields.text("model", request.model(), 64);
		String country = Fields.required("country", request.country());
		if (!COUNTRIES.contains(country)) {
			throw FleetException.invalidField("country", "must be an ISO 3166-1 alpha-2 code such as ES");
		}
		Long baseline = Fields.thousandths("odometerKm", request.odometerKm(), Fields.MAX_KM);
		String token = VehicleTokens.generate();
		Instant now = this.clock.instant();
		Optional<Long> id = this.jdbc.sql("""
				insert into vehicles (vin, model, country, token_hash, registered_at) values (?, ?, ?, ?, ?)
				on conflict (vin) do nothing returning id""")
			.params(vin, model, country, VehicleTokens.hash(token), Timestamp.from(now))
			.query(Long.class)
			.optional();
		if (id.isEmpty()) {
			throw new FleetException(ErrorCode.VIN_ALREADY_REGISTERED, "A vehicle with VIN " + vin + " is registered");
		}
		this.jdbc.sql("insert into odometers (vehicle_id, seq, baseline_m, created_at) values (?, 0, ?, ?)")
			.params(id.get(), baseline, Timestamp.from(now))
			.update();
		this.fleet.vehicleRegistered(country);
		return new VehicleRequests.Credentials(vin, token);
	}

	VehicleRequests.Credentials rotateToken(String vin) {
		String token = VehicleTokens.generate();
		int updated = this.jdbc.sql("update vehicles set token_hash = ? where vin = ?")
			.params(VehicleTokens.hash(token), vin)
			.update();
		if (updated == 0) {
			throw FleetException.vehicleNotFound(vin);
		}
		// for the other instances' polls; clock_timestamp(), the latest time this
		// transaction can tell
		this.jdbc.sql("""
				insert into token_rotations (vin, rotated_at) values (?, clock_timestamp())
				on conflict (vin) do update set rotated_at = excluded.rotated_at""").param(vin).update();
		this.events.publishEvent(new TokenRotated(vin));
		return new VehicleRequests.Credentials(vin, token);
	}

	/**
	 * Records that the vehicle's odometer was replaced: reports recorded from
	 * {@code effectiveAt} on are credited against the new baseline. Resets come in time
	 * order.
	 */
	VehicleRequests.OdometerResetDone resetOdometer(String vin, VehicleRequests.OdometerReset reset) {
		long baseline = Fields.required("odometerKm",
				Fields.thousandths("odometerKm", reset.odometerKm(), Fields.MAX_KM));
		Instant effectiveAt = Fields.required("effectiveAt", reset.effectiveAt());
		String reason = (reset.reason() != null) ? Fields.text("reason", reset.reason(), 200) : null;
		long id = this.jdbc.sql("select id from vehicles where vin = ? for update")
			.param(vin)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> FleetException.vehicleNotFound(vin));
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
		return this.jdbc.sql("""
				select v.*, o.baseline_m, o.high_m from vehicles v
				cross join lateral (select baseline_m, high_m from odometers where vehicle_id = v.id
				                    order by seq desc limit 1) o
				where v.vin = ?""")
			.param(vin)
			.query((RowMapper<VehicleView>) this::view)
			.optional()
			.orElseThrow(() -> FleetException.vehicleNotFound(vin));
	}

	private VehicleView view(ResultSet rs, int row) throws SQLException {
		long distance = rs.getLong("distance_m");
		long consumed = rs.getLong("energy_consumed_wh");
		long regenerated = rs.getLong("energy_regenerated_wh");
		long tripDistance = rs.getLong("trip_distance_m");
		BigDecimal kmPerKwh = (consumed > regenerated) ? BigDecimal.valueOf(tripDistance)
			.divide(BigDecimal.valueOf(consumed - regenerated), 3, RoundingMode.HALF_UP) : null;
		Long odometer = (Long) rs.getObject("high_m");
		if (odometer == null) {
			odometer = (Long) rs.getObject("baseline_m");
		}
		Timestamp last = rs.getTimestamp("last_report_at");
		return new VehicleView(rs.getString("vin"), rs.getString("model"), rs.getString("country"),
				Distances.kmOrNull(odometer), Distances.km(distance), rs.getLong("trips"), Distances.km(consumed),
				Distances.km(regenerated), kmPerKwh, this.co2.avoidedKg(distance),
				(last != null) ? last.toInstant() : null);
	}

	/**
	 * The VIN of the vehicle whose token has this hash ({@link VehicleTokens#hash}), if
	 * any.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Optional<String> vinOfTokenHash(String tokenHash) {
		return this.jdbc.sql("select vin from vehicles where token_hash = ?")
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
