package org.fleettelemetry.security;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.fleettelemetry.vehicles.TokenRotated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VehicleTokenCacheTests {

	final AtomicInteger lookups = new AtomicInteger();

	final Function<String, Optional<String>> lookup = (hash) -> {
		this.lookups.incrementAndGet();
		return hash.equals("known") ? Optional.of("SJNFAAZE0U6000001") : Optional.empty();
	};

	static VehicleTokenCache cache(Duration ttl) {
		return new VehicleTokenCache(new SecuritySettings(null, null, ttl));
	}

	@Test
	void looksAFoundTokenUpOnceWithinItsTimeToLive() {
		VehicleTokenCache cache = cache(Duration.ofMinutes(1));
		assertThat(cache.vinOf("known", this.lookup)).contains("SJNFAAZE0U6000001");
		assertThat(cache.vinOf("known", this.lookup)).contains("SJNFAAZE0U6000001");
		assertThat(this.lookups).hasValue(1);
	}

	@Test
	void neverRemembersAnUnknownToken() {
		VehicleTokenCache cache = cache(Duration.ofMinutes(1));
		assertThat(cache.vinOf("unknown", this.lookup)).isEmpty();
		assertThat(cache.vinOf("unknown", this.lookup)).isEmpty();
		assertThat(this.lookups).hasValue(2);
	}

	@Test
	void forgetsAVehicleWhoseTokenWasRotated() {
		VehicleTokenCache cache = cache(Duration.ofMinutes(1));
		cache.vinOf("known", this.lookup);
		cache.on(new TokenRotated("SJNFAAZE0U6000001"));
		cache.vinOf("known", this.lookup);
		assertThat(this.lookups).hasValue(2);
	}

	@Test
	void aZeroTimeToLiveLooksEveryTokenUp() {
		VehicleTokenCache cache = cache(Duration.ZERO);
		cache.vinOf("known", this.lookup);
		cache.vinOf("known", this.lookup);
		assertThat(this.lookups).hasValue(2);
	}

}
