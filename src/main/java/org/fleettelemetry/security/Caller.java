package org.fleettelemetry.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who a bearer token belongs to: the admin, the gateway, or one vehicle.
 *
 * @param role the token's kind
 * @param vin the vehicle's VIN for a vehicle token, else {@code null}
 */
public record Caller(Role role, String vin) {

	public enum Role {

		ADMIN, GATEWAY, VEHICLE

	}

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

	/**
	 * Whether this caller may act for the vehicle {@code vin}: the admin, or that vehicle
	 * itself.
	 */
	public boolean owns(String vin) {
		return isAdmin() || (this.role == Role.VEHICLE && this.vin.equals(vin));
	}

	Authentication authentication() {
		return new Authentication(this);
	}

	static final class Authentication extends AbstractAuthenticationToken {

		private final Caller caller;

		Authentication(Caller caller) {
			super(List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
			this.caller = caller;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public Caller getPrincipal() {
			return this.caller;
		}

		@Override
		public String getName() {
			return (this.caller.vin() != null) ? this.caller.vin() : this.caller.role().name();
		}

	}

}
