/**
 * Vehicles: registration, their bearer tokens (issued once, kept as hashes, rotated),
 * odometer resets, and each vehicle's own figures.
 */
@NullMarked
package org.fleettelemetry.vehicles;

import org.jspecify.annotations.NullMarked;
