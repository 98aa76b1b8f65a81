package org.fleettelemetry.security;

import java.util.Locale;

import org.fleettelemetry.shared.FleetException;

/**
 * What an API key may do: read as the admin does, relay reports as the gateway, or act as
 * the admin.
 */
enum ApiKeyScope {

	READ(Caller.Role.READ), GATEWAY(Caller.Role.GATEWAY), ADMIN(Caller.Role.ADMIN);

	private final Caller.Role role;

	ApiKeyScope(Caller.Role role) {
		this.role = role;
	}

	Caller.Role role() {
		return this.role;
	}

	/**
	 * Reads a request's {@code scope}; anything but the three names is the client's
	 * error.
	 */
	static ApiKeyScope parse(String scope) {
		for (ApiKeyScope candidate : values()) {
			if (candidate.name().equals(scope.toUpperCase(Locale.ROOT))) {
				return candidate;
			}
		}
		throw FleetException.invalidField("scope", "must be READ, GATEWAY or ADMIN");
	}

}
