/**
 * Metrics: the Prometheus gauges of the fleet's figures, read in the background, and the
 * timing of report ingestion.
 */
@NullMarked
package org.fleettelemetry.metrics;

import org.jspecify.annotations.NullMarked;
