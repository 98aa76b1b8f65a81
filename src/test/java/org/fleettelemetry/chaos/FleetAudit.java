package org.fleettelemetry.chaos;

import java.util.List;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.IntegrationTests;

/**
 * Reads what the service holds, once every request has been answered, and compares it to
 * the metre with what the answers said: each vehicle must hold its highest stored reading
 * minus its baseline (its registration odometer), and the fleet the sum of the credits
 * the answers gave.
 */
final class FleetAudit {

	private final Api api;

	FleetAudit(Api api) {
		this.api = api;
	}

	/**
	 * The metres lost and double-counted over the vehicles, and the sum they should hold.
	 */
	Totals vehicles(List<ChaosVehicle> fleet, History.Expected expected) {
		long lost = 0;
		long doubled = expected.acceptedTwiceM();
		long sum = 0;
		for (ChaosVehicle vehicle : fleet) {
			long should = expected.highestM().getOrDefault(vehicle.vin(), vehicle.baselineM()) - vehicle.baselineM();
			long holds = ChaosSender
				.metres(read("/api/v1/vehicles/" + vehicle.vin(), IntegrationTests.ADMIN_TOKEN).decimal("distanceKm"));
			lost += Math.max(0, should - holds);
			doubled += Math.max(0, holds - should);
			sum += should;
		}
		return new Totals(lost, doubled, sum);
	}

	long fleetMetres() {
		return ChaosSender.metres(read("/api/v1/fleet/summary", null).decimal("distanceKm"));
	}

	long fleetReports() {
		return read("/api/v1/fleet/summary", null).body().get("reports").asLong();
	}

	/**
	 * Metres the vehicles lack, metres they hold twice (or were answered {@code ACCEPTED}
	 * twice), and metres their readings give.
	 */
	record Totals(long lostM, long doubleCountedM, long expectedM) {

	}

	private Api.Response read(String path, String token) {
		Api.Response response = this.api.get(path, token);
		if (response.status() != 200) {
			throw new AssertionError("GET " + path + " answered " + response);
		}
		return response;
	}

}
