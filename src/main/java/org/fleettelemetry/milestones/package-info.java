/**
 * Milestones: fleet and vehicle thresholds fired exactly once in the crediting
 * transaction, their ledger, and the forecast of the next fleet milestone.
 */
@NullMarked
package org.fleettelemetry.milestones;

import org.jspecify.annotations.NullMarked;
