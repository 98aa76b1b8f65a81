package org.fleettelemetry.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import org.fleettelemetry.vehicles.VehicleTokens;
import org.fleettelemetry.vehicles.Vehicles;

import org.springframework.stereotype.Component;

/**
 * Finds who a bearer token belongs to. Service tokens are compared in constant time;
 * vehicle tokens are looked up by their hash (through a cache that learns of rotations
 * within about a second).
 */
@Component
class TokenResolver {

	private final byte[] adminToken;

	private final byte[] gatewayToken;

	private final Vehicles vehicles;

	private final VehicleTokenCache cache;

	TokenResolver(SecuritySettings settings, Vehicles vehicles, VehicleTokenCache cache) {
		String admin = AdminToken.resolve(settings.admin());
		String gateway = settings.gateway().token();
		this.adminToken = admin.getBytes(StandardCharsets.UTF_8);
		this.gatewayToken = (gateway != null && !gateway.isBlank()) ? gateway.getBytes(StandardCharsets.UTF_8) : null;
		this.vehicles = vehicles;
		this.cache = cache;
	}

	Optional<Caller> resolve(String token) {
		byte[] presented = token.getBytes(StandardCharsets.UTF_8);
		if (MessageDigest.isEqual(presented, this.adminToken)) {
			return Optional.of(new Caller(Caller.Role.ADMIN, null));
		}
		if (this.gatewayToken != null && MessageDigest.isEqual(presented, this.gatewayToken)) {
			return Optional.of(new Caller(Caller.Role.GATEWAY, null));
		}
		return this.cache.vinOf(VehicleTokens.hash(token), this.vehicles::vinOfTokenHash)
			.map((vin) -> new Caller(Caller.Role.VEHICLE, vin));
	}

}
