package org.fleettelemetry.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service-wide bearer tokens.
 *
 * @param admin the administrator's token
 * @param gateway the token of a back-end that relays reports of many vehicles
 * @param vehicleTokenCacheTtl how long an instance remembers which vehicle a token belongs to; a token
 * rotated on another instance keeps working here for at most this long; 0 looks every token up
 */
@ConfigurationProperties("fleet")
record SecuritySettings(@DefaultValue Admin admin, @DefaultValue Gateway gateway,
		@DefaultValue("1s") Duration vehicleTokenCacheTtl) {

	/**
	 * @param token the admin bearer token (env {@code FLEET_ADMIN_TOKEN}); when empty, one is generated
	 * at the first start, logged once and kept in {@code generatedTokenFile}
	 * @param generatedTokenFile where a generated admin token is kept for later runs
	 */
	record Admin(String token, @DefaultValue("./data/admin-token") String generatedTokenFile) {
	}

	/**
	 * @param token the gateway bearer token (env {@code FLEET_GATEWAY_TOKEN}); when empty, only the
	 * admin token may post gateway batches
	 */
	record Gateway(String token) {
	}

}
