package org.fleettelemetry.milestones;

import java.math.BigDecimal;
import java.time.Instant;

import org.fleettelemetry.vehicles.Vin;
import org.jspecify.annotations.Nullable;

/**
 * A milestone reached, as {@code GET /api/v1/milestones} lists it and webhooks carry it.
 *
 * @param scope {@code FLEET} or {@code VEHICLE}
 * @param distanceKm the threshold
 * @param reachedAt when the service committed the crossing
 * @param vin the vehicle whose report crossed it
 * @param fleetDistanceKm the fleet's credited distance right after the crossing
 */
public record MilestoneView(MilestoneScope scope, long distanceKm, Instant reachedAt, @Nullable String vin,
		BigDecimal fleetDistanceKm) {

	/**
	 * The milestone as the public sees it: the model of the car shows in its VIN, the car
	 * itself does not (masked after the eleventh character).
	 */
	public MilestoneView masked() {
		return new MilestoneView(this.scope, this.distanceKm, this.reachedAt,
				(this.vin != null) ? Vin.masked(this.vin) : null, this.fleetDistanceKm);
	}

}
