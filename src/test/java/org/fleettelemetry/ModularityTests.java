package org.fleettelemetry;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The modules (one flat package each under {@code org.fleettelemetry}) use one another
 * only through their public types, and without cycles.
 */
class ModularityTests {

	@Test
	void modulesUseEachOtherOnlyThroughTheirApisAndWithoutCycles() {
		ApplicationModules.of(FleetTelemetryApplication.class).verify();
	}

}
