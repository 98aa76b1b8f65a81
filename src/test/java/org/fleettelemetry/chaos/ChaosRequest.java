package org.fleettelemetry.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.IntegrationTests;

/**
 * A request the client sends, kept whole so that one whose outcome is unknown can be sent
 * again byte for byte: a single report, a vehicle's batch, or a gateway's batch of many
 * vehicles' reports.
 */
record ChaosRequest(Kind kind, String path, String token, List<Reading> items, String body) {

	enum Kind {

		SINGLE, VEHICLE_BATCH, GATEWAY_BATCH

	}

	/**
	 * A request of a kind drawn at random: half single reports, the rest batches (of a
	 * vehicle, 2 to 20 reports in any order; of a gateway, 3 to 8 vehicles' reports
	 * shuffled together).
	 */
	static ChaosRequest draw(List<ChaosVehicle> fleet, Random random) {
		double dice = random.nextDouble();
		ChaosVehicle vehicle = fleet.get(random.nextInt(fleet.size()));
		if (dice < 0.5) {
			Reading reading = vehicle.next(1, random).get(0);
			return new ChaosRequest(Kind.SINGLE, "/api/v1/vehicles/" + vehicle.vin() + "/reports", vehicle.token(),
					List.of(reading), Api.json(reading.json(false)));
		}
		if (dice < 0.8) {
			List<Reading> items = shuffled(vehicle.next(2 + random.nextInt(19), random), random);
			return new ChaosRequest(Kind.VEHICLE_BATCH, "/api/v1/vehicles/" + vehicle.vin() + "/reports/batch",
					vehicle.token(), items, Api.json(items.stream().map((item) -> item.json(false)).toList()));
		}
		List<Reading> items = new ArrayList<>();
		for (int i = 3 + random.nextInt(6); i > 0; i--) {
			items.addAll(fleet.get(random.nextInt(fleet.size())).next(1 + random.nextInt(10), random));
		}
		items = shuffled(items, random);
		return new ChaosRequest(Kind.GATEWAY_BATCH, "/api/v1/reports/batch", IntegrationTests.GATEWAY_TOKEN, items,
				Api.json(items.stream().map((item) -> item.json(true)).toList()));
	}

	private static List<Reading> shuffled(List<Reading> items, Random random) {
		List<Reading> copy = new ArrayList<>(items);
		if (random.nextBoolean()) {
			Collections.shuffle(copy, random);
		}
		return copy;
	}

}
