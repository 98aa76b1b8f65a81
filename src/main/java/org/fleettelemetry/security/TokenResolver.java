package org.fleettelemetry.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.fleettelemetry.vehicles.Vehicles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Finds who a bearer token belongs to. Service tokens are compared in constant time; vehicle tokens
 * are looked up by their hash, so that a token rotated on any instance stops working everywhere at
 * once.
 */
@Component
class TokenResolver {

	private static final Logger log = LoggerFactory.getLogger(TokenResolver.class);

	private final byte[] adminToken;

	private final byte[] gatewayToken;

	private final Vehicles vehicles;

	TokenResolver(SecuritySettings settings, Vehicles vehicles) {
		String admin = settings.admin().token();
		if (admin == null || admin.isBlank()) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			admin = "adm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			log.warn("No fleet.admin.token (FLEET_ADMIN_TOKEN) is configured; generated for this run: {}", admin);
		}
		String gateway = settings.gateway().token();
		this.adminToken = admin.getBytes(StandardCharsets.UTF_8);
		this.gatewayToken = (gateway != null && !gateway.isBlank()) ? gateway.getBytes(StandardCharsets.UTF_8) : null;
		this.vehicles = vehicles;
	}

	Optional<Caller> resolve(String token) {
		byte[] presented = token.getBytes(StandardCharsets.UTF_8);
		if (MessageDigest.isEqual(presented, this.adminToken)) {
			return Optional.of(new Caller(Caller.Role.ADMIN, null));
		}
		if (this.gatewayToken != null && MessageDigest.isEqual(presented, this.gatewayToken)) {
			return Optional.of(new Caller(Caller.Role.GATEWAY, null));
		}
		return this.vehicles.vinOfToken(token).map((vin) -> new Caller(Caller.Role.VEHICLE, vin));
	}

}
