package org.fleettelemetry.vehicles;

import org.fleettelemetry.shared.Secrets;

/**
 * Vehicle tokens: {@link Secrets} with the prefix {@code vt_}, shown once; only their
 * hash is stored.
 */
public final class VehicleTokens {

	private VehicleTokens() {
	}

	static String generate() {
		return Secrets.generate("vt_");
	}

	public static String hash(String token) {
		return Secrets.hash(token);
	}

}
