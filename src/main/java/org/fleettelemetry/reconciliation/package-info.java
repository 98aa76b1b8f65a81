/**
 * Reconciliation: recomputes the fleet's distance from each of its sources in one
 * snapshot and compares them, on request and periodically, for the drift gauge.
 */
@NullMarked
package org.fleettelemetry.reconciliation;

import org.jspecify.annotations.NullMarked;
