package org.fleettelemetry.security;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a valid, unrevoked API key grants, as the token cache keeps it: its expiry is
 * judged on every request, so a cached key stops working the moment it expires.
 *
 * @param id the key's id, by which a revocation forgets it
 * @param scope what it may do
 * @param expiresAt when it stops working, or {@code null} for never
 */
record ApiKeyGrant(UUID id, ApiKeyScope scope, @Nullable Instant expiresAt) {

	/** The caller the key makes at {@code now}: none once it has expired. */
	Optional<Caller> callerAt(Instant now) {
		if (this.expiresAt != null && !now.isBefore(this.expiresAt)) {
			return Optional.empty();
		}
		return Optional.of(new Caller(this.scope.role(), null, this.id));
	}

}
