package org.fleettelemetry.security;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.fleettelemetry.shared.RepeatingTask;
import org.fleettelemetry.vehicles.Vehicles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Asks the database every {@code fleet.vehicle-token-rotation-poll} which vehicle tokens
 * were rotated and which API keys revoked recently, on any instance, so that the
 * {@link VehicleTokenCache} and the {@link ApiKeyCache} forget them. Runs on a thread of
 * its own: the shared scheduler may be busy sending webhooks for seconds.
 */
@Component
class TokenRotationPoller extends RepeatingTask {

	private static final Logger log = LoggerFactory.getLogger(TokenRotationPoller.class);

	private final List<Source> sources;

	TokenRotationPoller(VehicleTokenCache vehicleTokens, Vehicles vehicles, ApiKeyCache keyGrants, ApiKeys keys,
			SecuritySettings settings) {
		super("token-rotations", settings.vehicleTokenRotationPoll());
		this.sources = List.of(
				new Source("token rotations", "vehicle token", vehicleTokens,
						() -> vehicles.tokensRotatedWithin(TokenCache.ROTATION_WINDOW)),
				new Source("API key revocations", "API key", keyGrants,
						() -> keys.revokedWithin(TokenCache.ROTATION_WINDOW)));
	}

	@Override
	protected void runOnce() {
		// each on its own: one failing read does not leave the other cache unpolled
		this.sources.forEach(Source::poll);
	}

	/** Without a cache there is nothing to forget. */
	@Override
	public boolean isAutoStartup() {
		return this.sources.stream().anyMatch((source) -> source.cache.enabled());
	}

	/**
	 * One cache and the read of what it must forget.
	 */
	private static final class Source {

		private final String changes;

		private final String tokens;

		private final TokenCache<?> cache;

		private final Supplier<Set<String>> recent;

		/** Only the polling thread reads and writes it. */
		private boolean failing;

		Source(String changes, String tokens, TokenCache<?> cache, Supplier<Set<String>> recent) {
			this.changes = changes;
			this.tokens = tokens;
			this.cache = cache;
			this.recent = recent;
		}

		void poll() {
			try {
				this.cache.poll(this.recent);
				if (this.failing) {
					log.info("The {} are read again: the {} cache is in use again", this.changes, this.tokens);
					this.failing = false;
				}
			}
			catch (RuntimeException ex) {
				// once, not every second of an outage
				if (!this.failing) {
					log.warn(
							"Could not read the {} ({}): the {} cache is emptied, "
									+ "and not relied on until they can be read again",
							this.changes, ex.getMessage(), this.tokens);
					this.failing = true;
				}
			}
		}

	}

}
