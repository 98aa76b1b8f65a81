package org.fleettelemetry.reconciliation;

import org.fleettelemetry.fleet.FleetDistances;
import org.fleettelemetry.fleet.FleetFigures;
import org.fleettelemetry.vehicles.Vehicles;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the fleet's distance from each of its sources: the fleet aggregates (totals,
 * countries, days) and the vehicles' own credited distances.
 * <p>
 * Crediting adds a metre to every one of them in one transaction, so they are equal in
 * any snapshot; but the two reads are two statements, and under READ COMMITTED each would
 * see the commits made before it began, so a credit committed between them would show as
 * drift that is not there. One REPEATABLE READ transaction gives both statements the
 * snapshot of the first; read-only, it cannot fail to serialize, and it takes no lock
 * that crediting waits for. Every read sums aggregates: the cost grows with the vehicles
 * (one scan) and the days of the daily series, never with the stored reports.
 */
@Service
class Reconciler {

	private final FleetFigures fleet;

	private final Vehicles vehicles;

	Reconciler(FleetFigures fleet, Vehicles vehicles) {
		this.fleet = fleet;
		this.vehicles = vehicles;
	}

	@Transactional(isolation = Isolation.REPEATABLE_READ, readOnly = true)
	Sums sums() {
		FleetDistances fleet = this.fleet.distances();
		return new Sums(fleet.totalsM(), this.vehicles.creditedDistanceM(), fleet.countriesM(), fleet.dailyM());
	}

}
