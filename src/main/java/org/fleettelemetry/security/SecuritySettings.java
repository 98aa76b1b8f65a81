package org.fleettelemetry.security;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The service-wide bearer tokens, and how long vehicle tokens are remembered.
 *
 * @param admin the administrator's token
 * @param gateway the token of a back-end that relays reports of many vehicles
 * @param vehicleTokenCacheTtl how long an instance remembers which vehicle a token
 * belongs to, and what an API key grants; 0 looks every token up
 * @param vehicleTokenRotationPoll how often an instance asks the database which tokens
 * were rotated and which API keys revoked recently, and forgets them: a token rotated or
 * a key revoked on another instance stops working here within about this long
 */
@ConfigurationProperties("fleet")
@Validated
record SecuritySettings(@DefaultValue Admin admin, @DefaultValue Gateway gateway,
		@NotNull @DefaultValue("10m") Duration vehicleTokenCacheTtl, @NotNull @DurationMin(millis = 100) @DurationMax(
				seconds = 10) @DefaultValue("1s") Duration vehicleTokenRotationPoll) {

	/**
	 * @param token the admin bearer token (env {@code FLEET_ADMIN_TOKEN}); when empty,
	 * one is generated at the first start, logged once and kept in
	 * {@code generatedTokenFile}
	 * @param generatedTokenFile where a generated admin token is kept for later runs
	 */
	record Admin(@Nullable String token, @DefaultValue("./data/admin-token") String generatedTokenFile) {
	}

	/**
	 * @param token the gateway bearer token (env {@code FLEET_GATEWAY_TOKEN}); when
	 * empty, only the admin token may post gateway batches
	 */
	record Gateway(@Nullable String token) {
	}

}
