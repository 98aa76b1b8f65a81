/**
 * The fleet telemetry service: counts how far an electric fleet has driven, and the CO2
 * that saved. Each subpackage is one module; they use one another only through their
 * public types (see ModularityTests and docs/modules/).
 */
@NullMarked
package org.fleettelemetry;

import org.jspecify.annotations.NullMarked;
