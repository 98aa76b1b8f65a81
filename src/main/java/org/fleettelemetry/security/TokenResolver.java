package org.fleettelemetry.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

import org.fleettelemetry.shared.Secrets;
import org.fleettelemetry.vehicles.Vehicles;

import org.springframework.stereotype.Component;

/**
 * Finds who a bearer token belongs to. Service tokens are compared in constant time; API
 * keys (told by their prefix) and vehicle tokens are looked up by their hash, each
 * through a cache that learns of revocations and rotations within about a second, so that
 * a vehicle's token costs no more than before keys existed.
 */
@Component
class TokenResolver {

	private final byte[] adminToken;

	private final byte[] gatewayToken;

	private final Vehicles vehicles;

	private final VehicleTokenCache vehicleTokens;

	private final ApiKeys keys;

	private final ApiKeyCache keyGrants;

	private final Clock clock;

	TokenResolver(SecuritySettings settings, Vehicles vehicles, VehicleTokenCache vehicleTokens, ApiKeys keys,
			ApiKeyCache keyGrants, Clock clock) {
		String admin = AdminToken.resolve(settings.admin());
		String gateway = settings.gateway().token();
		this.adminToken = admin.getBytes(StandardCharsets.UTF_8);
		this.gatewayToken = (gateway != null && !gateway.isBlank()) ? gateway.getBytes(StandardCharsets.UTF_8) : null;
		this.vehicles = vehicles;
		this.vehicleTokens = vehicleTokens;
		this.keys = keys;
		this.keyGrants = keyGrants;
		this.clock = clock;
	}

	Optional<Caller> resolve(String token) {
		byte[] presented = token.getBytes(StandardCharsets.UTF_8);
		if (MessageDigest.isEqual(presented, this.adminToken)) {
			return Optional.of(Caller.service(Caller.Role.ADMIN));
		}
		if (this.gatewayToken != null && MessageDigest.isEqual(presented, this.gatewayToken)) {
			return Optional.of(Caller.service(Caller.Role.GATEWAY));
		}
		if (token.startsWith(ApiKeys.PREFIX)) {
			return this.keyGrants.find(Secrets.hash(token), this.keys::grantOf)
				.flatMap((grant) -> grant.callerAt(this.clock.instant()));
		}
		return this.vehicleTokens.vinOf(Secrets.hash(token), this.vehicles::vinOfTokenHash).map(Caller::vehicle);
	}

}
