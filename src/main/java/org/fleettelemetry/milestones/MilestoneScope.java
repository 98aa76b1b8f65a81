package org.fleettelemetry.milestones;

/**
 * Whose distance a milestone counts: the whole fleet's, or one vehicle's.
 */
public enum MilestoneScope {

	FLEET, VEHICLE

}
