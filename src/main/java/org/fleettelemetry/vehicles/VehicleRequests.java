package org.fleettelemetry.vehicles;

import java.math.BigDecimal;
import java.time.Instant;

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
	 */
	record Register(String vin, String model, String country, @Nullable BigDecimal odometerKm) {
	}

	/**
	 * @param vin the vehicle
	 * @param token its bearer token, shown only this once
	 */
	record Credentials(String vin, String token) {
	}

	/**
	 * @param odometerKm the new odometer's first reading, its baseline
	 * @param effectiveAt from when reports belong to the new odometer
	 * @param reason why the odometer was replaced, for the audit trail
	 */
	record OdometerReset(BigDecimal odometerKm, Instant effectiveAt, String reason) {
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
