package org.fleettelemetry.milestones;

/**
 * Whose distance a milestone counts: the whole fleet's, or one vehicle's.
 */
public enum MilestoneScope {

	FLEET, VEHICLE;

	/**
	 * Whose milestones the ledger keeps them under: {@code ""} for the fleet, else the
	 * vehicle's VIN.
	 */
	String subject(String vin) {
		return (this == FLEET) ? "" : vin;
	}

}
