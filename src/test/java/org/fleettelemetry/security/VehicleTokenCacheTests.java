package org.fleettelemetry.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.fleettelemetry.vehicles.TokenRotated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class VehicleTokenCacheTests {

	static final String VIN = "SJNFAAZE0U6000001";

	static final String OTHER_VIN = "SJNFAAZE0U6000002";

	static final Map<String, String> TOKENS = Map.of("known", VIN, "other", OTHER_VIN);

	final AtomicInteger lookups = new AtomicInteger();

	final Function<String, Optional<String>> lookup = (hash) -> {
		this.lookups.incrementAndGet();
		return Optional.ofNullable(TOKENS.get(hash));
	};

	/** The cache's clock, in nanoseconds, moved by the tests. */
	final AtomicLong time = new AtomicLong();

	/** A cache of the default settings, on the test's clock. */
	final VehicleTokenCache cache = new VehicleTokenCache(
			new SecuritySettings(null, null, Duration.ofMinutes(10), Duration.ofSeconds(1)), this.time::get);

	static VehicleTokenCache cache(Duration ttl) {
		return new VehicleTokenCache(new SecuritySettings(null, null, ttl, Duration.ofSeconds(1)));
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

	@Test
	void keepsAnEntryForItsTimeToLiveWhilePollsFindNoRotation() {
		resolve("known");
		pollEverySecond(Duration.ofMinutes(9));
		assertThat(resolve("known")).contains(VIN);
		assertThat(this.lookups).hasValue(1);
		pollEverySecond(Duration.ofMinutes(1));
		assertThat(resolve("known")).contains(VIN);
		assertThat(this.lookups).hasValue(2);
	}

	@Test
	void forgetsOnlyTheVehiclesAPollFindsRotated() {
		resolve("known", "other");
		this.cache.poll(() -> Set.of(VIN));
		resolve("known", "other");
		assertThat(this.lookups).hasValue(3);
	}

	@Test
	void forgetsEverythingWhenAPollFails() {
		resolve("known");
		assertThatIllegalStateException().isThrownBy(() -> this.cache.poll(() -> {
			throw new IllegalStateException("database unreachable");
		}));
		resolve("known");
		assertThat(this.lookups).hasValue(2);
	}

	@Test
	void looksEveryTokenUpWhileNoPollHasSucceededForSeveralIntervals() {
		resolve("known");
		this.time.addAndGet(Duration.ofSeconds(5).toNanos());
		resolve("known", "known");
		assertThat(this.lookups).hasValue(3);
		this.cache.poll(Set::of);
		resolve("known");
		assertThat(this.lookups).hasValue(3);
	}

	@Test
	void forgetsEverythingWhenAPollComesTooLongAfterThePreviousOne() {
		resolve("known");
		this.time.addAndGet(VehicleTokenCache.MAX_POLL_GAP.plusSeconds(1).toNanos());
		this.cache.poll(Set::of);
		resolve("known");
		assertThat(this.lookups).hasValue(2);
	}

	@Test
	void doesNotKeepWhatALookUpReadBeforeAPollForgotTheVehicle() {
		lookUpOvertakenBy(() -> this.cache.poll(() -> Set.of(VIN)));
		resolve("known");
		assertThat(this.lookups).hasValue(2);
	}

	@Test
	void doesNotKeepWhatALookUpReadBeforeARotationHere() {
		lookUpOvertakenBy(() -> this.cache.on(new TokenRotated(VIN)));
		resolve("known");
		assertThat(this.lookups).hasValue(2);
	}

	private Optional<String> resolve(String... tokenHashes) {
		Optional<String> vin = Optional.empty();
		for (String tokenHash : tokenHashes) {
			vin = this.cache.vinOf(tokenHash, this.lookup);
		}
		return vin;
	}

	/**
	 * A look-up that reads the old hash, while the rotation commits and is evicted before
	 * it stores.
	 */
	private void lookUpOvertakenBy(Runnable eviction) {
		this.cache.vinOf("known", (hash) -> {
			eviction.run();
			return this.lookup.apply(hash);
		});
	}

	private void pollEverySecond(Duration duration) {
		for (long second = 0; second < duration.toSeconds(); second++) {
			this.time.addAndGet(Duration.ofSeconds(1).toNanos());
			this.cache.poll(Set::of);
		}
	}

}
