package org.fleettelemetry.vehicles;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A registered vehicle as the administrative side sees it. The entity is read-only:
 * crediting keeps the running figures under the row's lock with set-wise SQL, and state
 * changes (registration, rotation, retirement) are targeted statements, so Hibernate
 * never flushes this row and can never overwrite a concurrent credit.
 */
@Entity
@Immutable
@Table(name = "vehicles")
class Vehicle {

	@Id
	private Long id;

	private String vin;

	private String model;

	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(length = 2)
	private String country;

	@Enumerated(EnumType.STRING)
	private VehicleStatus status;

	private Instant registeredAt;

	private @Nullable Instant retiredAt;

	// the running figures, kept by crediting
	@Column(name = "distance_m")
	private long distanceM;

	private long trips;

	@Column(name = "trip_distance_m")
	private long tripDistanceM;

	@Column(name = "energy_consumed_wh")
	private long energyConsumedWh;

	@Column(name = "energy_regenerated_wh")
	private long energyRegeneratedWh;

	private @Nullable Instant lastReportAt;

	private @Nullable LocalDate lastReportDay;

	/** The highest accepted reading of the current odometer, else its baseline. */
	@Formula("(select coalesce(o.high_m, o.baseline_m) from odometers o where o.vehicle_id = id "
			+ "order by o.seq desc limit 1)")
	private @Nullable Long odometerM;

	protected Vehicle() {
		// for JPA
		this.vin = "";
		this.model = "";
		this.country = "";
		this.status = VehicleStatus.ACTIVE;
		this.registeredAt = Instant.EPOCH;
	}

	String vin() {
		return this.vin;
	}

	String model() {
		return this.model;
	}

	String country() {
		return this.country;
	}

	VehicleStatus status() {
		return this.status;
	}

	Instant registeredAt() {
		return this.registeredAt;
	}

	@Nullable Instant retiredAt() {
		return this.retiredAt;
	}

	long distanceM() {
		return this.distanceM;
	}

	long trips() {
		return this.trips;
	}

	long tripDistanceM() {
		return this.tripDistanceM;
	}

	long energyConsumedWh() {
		return this.energyConsumedWh;
	}

	long energyRegeneratedWh() {
		return this.energyRegeneratedWh;
	}

	@Nullable Instant lastReportAt() {
		return this.lastReportAt;
	}

	@Nullable Long odometerM() {
		return this.odometerM;
	}

}
