package org.fleettelemetry.live;

import org.fleettelemetry.milestones.MilestoneView;
import org.fleettelemetry.security.Caller;
import org.fleettelemetry.vehicles.Vin;
import org.jspecify.annotations.Nullable;

/**
 * Who sees a car's whole VIN in a public answer: only the admin; everyone else sees it
 * masked after the eleventh character.
 */
final class Privacy {

	private Privacy() {
	}

	static boolean seesWholeVins(@Nullable Caller caller) {
		return caller != null && caller.isAdmin();
	}

	/** The milestone with the VIN of its vehicle masked. */
	static MilestoneView masked(MilestoneView milestone) {
		String vin = milestone.vin();
		return new MilestoneView(milestone.scope(), milestone.distanceKm(), milestone.reachedAt(),
				(vin != null) ? Vin.masked(vin) : null, milestone.fleetDistanceKm());
	}

}
