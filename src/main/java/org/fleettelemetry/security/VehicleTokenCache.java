package org.fleettelemetry.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.fleettelemetry.vehicles.TokenRotated;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Remembers for a moment which vehicle a token belongs to, so that a car posting report after report
 * does not cost a database look-up each time. Only tokens found are kept, by their hash, for
 * {@code fleet.security.vehicle-token-cache-ttl}: a token rotated on this instance stops working at
 * once, on other instances within that time. A zero time-to-live turns the cache off.
 */
@Component
class VehicleTokenCache {

	/** Enough for every car of a large fleet reporting within the time-to-live. */
	static final int MAX_ENTRIES = 200_000;

	private final long ttlNanos;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	VehicleTokenCache(SecuritySettings settings) {
		this.ttlNanos = settings.vehicleTokenCacheTtl().toNanos();
	}

	Optional<String> vinOf(String tokenHash, Function<String, Optional<String>> lookup) {
		if (this.ttlNanos <= 0) {
			return lookup.apply(tokenHash);
		}
		long now = System.nanoTime();
		Entry cached = this.entries.get(tokenHash);
		if (cached != null && now - cached.storedAt() < this.ttlNanos) {
			return Optional.of(cached.vin());
		}
		Optional<String> vin = lookup.apply(tokenHash);
		vin.ifPresentOrElse((found) -> store(tokenHash, found, now), () -> this.entries.remove(tokenHash));
		return vin;
	}

	private void store(String tokenHash, String vin, long now) {
		if (this.entries.size() >= MAX_ENTRIES) {
			this.entries.values().removeIf((entry) -> now - entry.storedAt() >= this.ttlNanos);
			if (this.entries.size() >= MAX_ENTRIES) {
				this.entries.clear();
			}
		}
		this.entries.put(tokenHash, new Entry(vin, now));
	}

	@EventListener
	void on(TokenRotated rotated) {
		this.entries.values().removeIf((entry) -> entry.vin().equals(rotated.vin()));
	}

	private record Entry(String vin, long storedAt) {
	}

}
