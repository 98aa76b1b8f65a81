package org.fleettelemetry.vehicles;

/**
 * A vehicle's token was replaced: the old one must stop working. Published inside the
 * rotating transaction: act on it after commit.
 *
 * @param vin the vehicle
 */
public record TokenRotated(String vin) {
}
