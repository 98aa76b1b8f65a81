package org.fleettelemetry.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.fleettelemetry.shared.Cursor;
import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.shared.Fields;
import org.fleettelemetry.shared.FleetException;
import org.fleettelemetry.shared.Page;
import org.fleettelemetry.shared.Secrets;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The API keys: issued with a scope and an optional expiry, shown once, kept as a hash,
 * listed, and revoked; and found by hash for the token resolver.
 */
@Service
@Transactional
class ApiKeys {

	/** Tells an API key from a vehicle token at a glance, and routes its look-up. */
	static final String PREFIX = "fk_";

	private static final String ORDER = "createdAt";

	private final IssuedKeys issued;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ApiKeys(IssuedKeys issued, Clock clock, ApplicationEventPublisher events) {
		this.issued = issued;
		this.clock = clock;
		this.events = events;
	}

	ApiKeyViews.ApiKeyCreated create(ApiKeyViews.ApiKeyRequest request) {
		String name = Fields.text("name", request.name(), 100);
		ApiKeyScope scope = ApiKeyScope.parse(Fields.required("scope", request.scope()));
		Instant now = this.clock.instant();
		Instant expiresAt = request.expiresAt();
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			throw FleetException.invalidField("expiresAt",
					"must be in the future, or null for a key that never expires");
		}
		String key = Secrets.generate(PREFIX);
		// stored to the microsecond, so the pages' cursors match the rows
		ApiKey saved = this.issued
			.save(new ApiKey(name, scope, Secrets.hash(key), now.truncatedTo(ChronoUnit.MICROS), expiresAt));
		return new ApiKeyViews.ApiKeyCreated(saved.getId(), name, scope, expiresAt, key);
	}

	/**
	 * A keyset page of the keys in creation order, after {@code cursor} (the first page
	 * without one).
	 */
	@Transactional(readOnly = true)
	Page<ApiKeyViews.ApiKeyView> list(@Nullable String cursor, int size) {
		List<ApiKey> found;
		if (cursor == null) {
			found = this.issued.findFirst(Limit.of(size + 1));
		}
		else {
			Cursor after = Cursor.decode(cursor, ORDER, 2);
			found = this.issued.findAfter(after.instant(0), uuid(after.key(1)).orElseThrow(Cursor::invalid),
					Limit.of(size + 1));
		}
		return Page.of(found, size, ApiKeyViews.ApiKeyView::of,
				(last) -> new Cursor(ORDER, List.of(last.createdAt().toString(), last.getId().toString())));
	}

	/**
	 * Revokes the key: it stops working here once this commits, on the other instances at
	 * their next poll. Revoking a revoked key changes nothing.
	 */
	void revoke(String id) {
		UUID key = uuid(id).orElseThrow(() -> notFound(id));
		if (this.issued.revoke(key) == 0) {
			if (!this.issued.existsById(key)) {
				throw notFound(id);
			}
			return;
		}
		this.events.publishEvent(new ApiKeyRevoked(key));
	}

	/** What the unrevoked key of this hash grants, if there is one. */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	Optional<ApiKeyGrant> grantOf(String keyHash) {
		return this.issued.findByKeyHashAndRevokedAtIsNull(keyHash).map(ApiKey::grant);
	}

	/**
	 * The ids of the keys revoked within {@code window} before now, by the database's
	 * clock (the same for every instance).
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	Set<String> revokedWithin(Duration window) {
		return this.issued.revokedWithin(window.toMillis());
	}

	private static Optional<UUID> uuid(String id) {
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static FleetException notFound(String id) {
		return new FleetException(ErrorCode.API_KEY_NOT_FOUND, "No API key has id " + id);
	}

}
