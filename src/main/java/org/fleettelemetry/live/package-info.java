/**
 * The live fleet: the page at {@code /}, the stream of the fleet figures and milestones
 * for dashboards, and the leaders, each showing cars to the public with masked VINs.
 */
@NullMarked
package org.fleettelemetry.live;

import org.jspecify.annotations.NullMarked;
