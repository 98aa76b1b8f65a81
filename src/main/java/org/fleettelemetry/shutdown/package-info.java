/**
 * A shutdown that drains: on SIGTERM the service says it is not ready, and goes on
 * serving while load balancers stop sending, before the web server stops.
 */
@NullMarked
package org.fleettelemetry.shutdown;

import org.jspecify.annotations.NullMarked;
