/**
 * Types every module may use: distances in whole metres, error codes, the domain
 * exception, and a repeating background task.
 */
@NullMarked
package org.fleettelemetry.shared;

import org.jspecify.annotations.NullMarked;
