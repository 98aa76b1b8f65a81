package org.fleettelemetry.vehicles;

import java.math.BigDecimal;
import java.time.Instant;

import org.fleettelemetry.shared.FleetException;
import org.jspecify.annotations.Nullable;

/**
 * The bodies the vehicle endpoints accept and answer.
 */
final class VehicleRequests {

	private VehicleRequests() {
	}

	/**
	 * @param vin the vehicle identification number
	 * @param model the model name, such as LEAF
	 * @param country ISO 3166-1 alpha-2 code of the country it drives in
	 * @param odometerKm the reading at enrolment, never credited; {@code null} to take
	 * the first report's
	 * @param odometerMi the same in miles, instead of {@code odometerKm}
	 */
	record Register(String vin, String model, String country, @Nullable BigDecimal odometerKm,
			@Nullable BigDecimal odometerMi) {
	}

	/**
	 * @param vin the vehicle
	 * @param token its bearer token, shown only this once
	 */
	record Credentials(String vin, String token) {
	}

	/**
	 * @param odometerKm the new odometer's first reading, its baseline
	 * @param odometerMi the same in miles, instead of {@code odometerKm}
	 * @param effectiveAt from when reports belong to the new odometer
	 * @param reason why the odometer was replaced, for the audit trail
	 */
	record OdometerReset(@Nullable BigDecimal odometerKm, @Nullable BigDecimal odometerMi, Instant effectiveAt,
			String reason) {
	}

	/**
	 * The answer to one item of a batch registration.
	 *
	 * @param vin the item's VIN, as sent
	 * @param status {@code CREATED}, {@code EXISTS} (registered before: no token) or
	 * {@code REJECTED}
	 * @param token the new vehicle's bearer token, shown only this once
	 * @param code why the item was rejected
	 * @param detail what the code means for this item
	 */
	record Registered(@Nullable String vin, Status status, @Nullable String token, @Nullable String code,
			@Nullable String detail) {

		enum Status {

			CREATED, EXISTS, REJECTED

		}

		static Registered created(String vin, String token) {
			return new Registered(vin, Status.CREATED, token, null, null);
		}

		static Registered exists(String vin) {
			return new Registered(vin, Status.EXISTS, null, null, null);
		}

		static Registered rejected(@Nullable String vin, FleetException ex) {
			return new Registered(vin, Status.REJECTED, null, ex.code().name(), ex.getMessage());
		}

	}

	/**
	 * Why a vehicle leaves the fleet.
	 *
	 * @param reason 1 to 500 characters, for the audit trail
	 */
	record Retirement(String reason) {
	}

	record OdometerResetDone(String vin, BigDecimal odometerKm, Instant effectiveAt) {
	}

}
