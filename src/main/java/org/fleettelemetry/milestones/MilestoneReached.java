package org.fleettelemetry.milestones;

import java.time.Instant;

import org.fleettelemetry.shared.Distances;
import org.jspecify.annotations.Nullable;

/**
 * A milestone fired: published once, ever, per threshold, inside the crediting
 * transaction that crossed it (listeners that write to the database commit with it;
 * {@code @TransactionalEventListener}s see it only once it committed).
 *
 * @param id the milestone's key in the ledger, stable: an event id can be derived from it
 * @param scope the fleet's milestone, or a vehicle's
 * @param vin the vehicle whose report crossed the threshold (for a vehicle milestone,
 * that vehicle)
 * @param distanceKm the threshold crossed
 * @param reachedAt when the crossing was committed, by the database's clock
 * @param fleetDistanceM the fleet's credited distance right after the crossing
 * transaction
 */
public record MilestoneReached(long id, MilestoneScope scope, @Nullable String vin, long distanceKm, Instant reachedAt,
		long fleetDistanceM) {

	/**
	 * This milestone as the API and webhooks show it.
	 */
	public MilestoneView view() {
		return new MilestoneView(this.scope, this.distanceKm, this.reachedAt, this.vin,
				Distances.km(this.fleetDistanceM));
	}

}
