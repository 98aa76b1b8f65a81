package org.fleettelemetry.live;

import org.fleettelemetry.security.Caller;
import org.jspecify.annotations.Nullable;

/**
 * Who sees a car's whole VIN in a public answer: only the admin; everyone else sees it
 * masked after the eleventh character.
 */
final class Privacy {

	private Privacy() {
	}

	static boolean seesWholeVins(@Nullable Caller caller) {
		return caller != null && caller.isAdmin();
	}

}
