package org.fleettelemetry.vehicles;

/**
 * Where a vehicle is in its life: reporting, or gone from the fleet with its history
 * kept.
 */
public enum VehicleStatus {

	ACTIVE, RETIRED

}
