/**
 * The fleet's figures: striped running totals, daily and country series, CO2 and trees,
 * and the public summary read in one statement whatever the number of stored reports.
 */
@NullMarked
package org.fleettelemetry.fleet;

import org.jspecify.annotations.NullMarked;
