package org.fleettelemetry.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Remembers whom a token belongs to (a vehicle, an API key's grant), so that a car
 * posting report after report does not cost a database look-up each time. Only tokens
 * found are kept, by their hash, for {@code fleet.vehicle-token-cache-ttl}; a zero
 * time-to-live turns the cache off. Each value has a subject (a VIN, a key's id), by
 * which it is forgotten.
 * <p>
 * A subject whose token is changed on this instance (rotated, revoked) is forgotten once
 * the change commits ({@link #forget}). Changes on other instances are learnt by a poll
 * ({@link TokenRotationPoller}) every {@code fleet.vehicle-token-rotation-poll}, which
 * asks for those of the last {@link #ROTATION_WINDOW}. A poll that fails forgets
 * everything, and while no poll has succeeded for two intervals and two seconds (a poll
 * that hangs rather than fails) the entries are not trusted: every token is looked up.
 *
 * @param <T> what a token stands for
 */
class TokenCache<T> {

	/** Enough for every car of a large fleet reporting within the time-to-live. */
	static final int MAX_ENTRIES = 200_000;

	/**
	 * How far back each poll looks, much longer than a poll interval: every rotation is
	 * seen by many polls, whatever the clock skew, a slow commit, or a look-up that
	 * stored an entry just after a poll.
	 */
	static final Duration ROTATION_WINDOW = Duration.ofMinutes(1);

	/**
	 * After this long without a successful poll, rotations may have left the window:
	 * forget everything.
	 */
	static final Duration MAX_POLL_GAP = ROTATION_WINDOW.dividedBy(4);

	private final long ttlNanos;

	private final long trustNanos;

	private final LongSupplier ticker;

	private final Function<T, String> subject;

	private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();

	/**
	 * Counts evictions: a look-up that an eviction overtook does not store what it read.
	 */
	private final AtomicLong evictions = new AtomicLong();

	private volatile long polledAt;

	TokenCache(SecuritySettings settings, LongSupplier ticker, Function<T, String> subject) {
		this.subject = subject;
		this.ttlNanos = settings.vehicleTokenCacheTtl().toNanos();
		this.trustNanos = settings.vehicleTokenRotationPoll().multipliedBy(2).plusSeconds(2).toNanos();
		this.ticker = ticker;
		this.polledAt = ticker.getAsLong();
	}

	boolean enabled() {
		return this.ttlNanos > 0;
	}

	/**
	 * What the token of hash {@code tokenHash} stands for: remembered, or as
	 * {@code lookup} finds it.
	 */
	Optional<T> find(String tokenHash, Function<String, Optional<T>> lookup) {
		long now = this.ticker.getAsLong();
		if (!enabled() || now - this.polledAt > this.trustNanos) {
			return lookup.apply(tokenHash);
		}
		Entry<T> cached = this.entries.get(tokenHash);
		if (cached != null && now - cached.storedAt() < this.ttlNanos) {
			return Optional.of(cached.value());
		}
		long evictionsBefore = this.evictions.get();
		Optional<T> value = lookup.apply(tokenHash);
		value.ifPresentOrElse((found) -> store(tokenHash, new Entry<>(found, now), evictionsBefore),
				() -> this.entries.remove(tokenHash));
		return value;
	}

	private void store(String tokenHash, Entry<T> entry, long evictionsBefore) {
		if (this.entries.size() >= MAX_ENTRIES) {
			this.entries.values().removeIf((stored) -> entry.storedAt() - stored.storedAt() >= this.ttlNanos);
			if (this.entries.size() >= MAX_ENTRIES) {
				this.entries.clear();
			}
		}
		this.entries.put(tokenHash, entry);
		// checked after the put: an eviction counts before it removes, so one of the two
		// removes the entry
		if (this.evictions.get() != evictionsBefore) {
			this.entries.remove(tokenHash, entry);
		}
	}

	/**
	 * Forgets the subjects whose token {@code recentRotations} says was changed within
	 * the {@link #ROTATION_WINDOW}, and trusts the other entries until the next poll is
	 * due; forgets everything after too long without a poll, or when the read fails (and
	 * rethrows).
	 */
	void poll(Supplier<Set<String>> recentRotations) {
		long startedAt = this.ticker.getAsLong();
		Set<String> rotated;
		try {
			rotated = recentRotations.get();
		}
		catch (RuntimeException ex) {
			clear();
			throw ex;
		}
		if (startedAt - this.polledAt > MAX_POLL_GAP.toNanos()) {
			clear();
		}
		else if (!rotated.isEmpty()) {
			this.evictions.incrementAndGet();
			this.entries.values().removeIf((entry) -> rotated.contains(this.subject.apply(entry.value())));
		}
		this.polledAt = startedAt;
	}

	/**
	 * Forgets the token of {@code subject}, changed on this instance: call it once the
	 * change has committed.
	 */
	void forget(String subject) {
		this.evictions.incrementAndGet();
		this.entries.values().removeIf((entry) -> this.subject.apply(entry.value()).equals(subject));
	}

	private void clear() {
		this.evictions.incrementAndGet();
		this.entries.clear();
	}

	private record Entry<T>(T value, long storedAt) {
	}

}
