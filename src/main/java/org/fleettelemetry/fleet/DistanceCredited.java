package org.fleettelemetry.fleet;

import java.util.List;

/**
 * Published inside a crediting transaction, once its distance has been added to the fleet
 * aggregates, when it credited more than 0 m. Listeners run in that transaction
 * (synchronously), so what they write commits, or rolls back, with the credit.
 *
 * @param distanceM metres the transaction credited, in all
 * @param credits each report's credit, in the order they were credited
 */
public record DistanceCredited(long distanceM, List<FleetDelta.Credit> credits) {

	public DistanceCredited {
		credits = List.copyOf(credits);
	}

}
