package org.fleettelemetry.security;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The bodies of the API key endpoints.
 */
final class ApiKeyViews {

	private ApiKeyViews() {
	}

	/**
	 * A key to issue.
	 *
	 * @param name who or what it is for, 1 to 100 characters (not unique)
	 * @param scope {@code READ}, {@code GATEWAY} or {@code ADMIN}
	 * @param expiresAt when it stops working, in the future; {@code null} for never
	 */
	record ApiKeyRequest(String name, @Schema(allowableValues = {
			"READ", "GATEWAY", "ADMIN" }) String scope, @Nullable Instant expiresAt){
	}

	/**
	 * A new key, shown only this once: only its hash is kept.
	 *
	 * @param id its id, to revoke it by
	 * @param name who or what it is for
	 * @param scope what it may do
	 * @param expiresAt when it stops working, or {@code null} for never
	 * @param key the bearer key, {@code fk_...}
	 */
	record ApiKeyCreated(UUID id, String name, ApiKeyScope scope, @Nullable Instant expiresAt, String key) {
	}

	/**
	 * An issued key, without the key.
	 *
	 * @param id its id
	 * @param name who or what it is for
	 * @param scope what it may do
	 * @param createdAt when it was issued
	 * @param expiresAt when it stops working, or {@code null} for never
	 * @param revokedAt when it was revoked, or {@code null} while it is not
	 */
	record ApiKeyView(UUID id, String name, ApiKeyScope scope, Instant createdAt, @Nullable Instant expiresAt,
			@Nullable Instant revokedAt) {

		static ApiKeyView of(ApiKey key) {
			return new ApiKeyView(key.getId(), key.name(), key.scope(), key.createdAt(), key.expiresAt(),
					key.revokedAt());
		}

	}

}
