package org.fleettelemetry.security;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who a bearer token belongs to: the admin, a reader, the gateway, or one vehicle; the
 * admin token and the gateway token, or an API key that acts as one of them.
 *
 * @param role what the token may do
 * @param vin the vehicle's VIN for a vehicle token, else {@code null}
 * @param key the API key's id when the token is one, else {@code null}
 */
public record Caller(Role role, @Nullable String vin, @Nullable UUID key) {

	public enum Role {

		/** Reads and changes everything. */
		ADMIN,
		/** Reads everything the admin reads, and changes nothing. */
		READ,
		/** Relays reports of any vehicle. */
		GATEWAY,
		/** One vehicle, for itself. */
		VEHICLE

	}

	static Caller vehicle(String vin) {
		return new Caller(Role.VEHICLE, vin, null);
	}

	static Caller service(Role role) {
		return new Caller(role, null, null);
	}

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

	/**
	 * Whether this caller reads what the admin reads: the admin, or a reader.
	 */
	public boolean readsAll() {
		return this.role == Role.ADMIN || this.role == Role.READ;
	}

	/**
	 * Whether this caller may act for the vehicle {@code vin}: the admin, or that vehicle
	 * itself.
	 */
	public boolean owns(String vin) {
		return isAdmin() || (this.role == Role.VEHICLE && vin.equals(this.vin));
	}

	/**
	 * Whether this caller may read the figures of the vehicle {@code vin}: whoever reads
	 * all, or that vehicle itself.
	 */
	public boolean mayRead(String vin) {
		return readsAll() || owns(vin);
	}

	/**
	 * Whether {@code caller} (or no one, when {@code null}) sees a car's whole VIN in a
	 * public answer: the admin token and {@code ADMIN} or {@code READ} keys do; everyone
	 * else (no token, a vehicle, the gateway) sees it masked after the eleventh
	 * character, the model and not the car. The one place this rule is decided.
	 */
	public static boolean seesWholeVins(@Nullable Caller caller) {
		return caller != null && caller.readsAll();
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

		/**
		 * The name an audit trail keeps (an anomaly's {@code resolved_by}): the VIN, the
		 * role, and the API key's id when the token is one.
		 */
		@Override
		public String getName() {
			if (this.caller.vin() != null) {
				return this.caller.vin();
			}
			return (this.caller.key() != null) ? this.caller.role().name() + " key " + this.caller.key()
					: this.caller.role().name();
		}

	}

}
