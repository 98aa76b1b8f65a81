package org.fleettelemetry.security;

import org.fleettelemetry.shared.RepeatingTask;
import org.fleettelemetry.vehicles.Vehicles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Asks the database every {@code fleet.vehicle-token-rotation-poll} which tokens were
 * rotated recently, on any instance, so that the {@link VehicleTokenCache} forgets them.
 * Runs on a thread of its own: the shared scheduler may be busy sending webhooks for
 * seconds.
 */
@Component
class TokenRotationPoller extends RepeatingTask {

	private static final Logger log = LoggerFactory.getLogger(TokenRotationPoller.class);

	private final VehicleTokenCache cache;

	private final Vehicles vehicles;

	/** Only the polling thread reads and writes it. */
	private boolean failing;

	TokenRotationPoller(VehicleTokenCache cache, Vehicles vehicles, SecuritySettings settings) {
		super("token-rotations", settings.vehicleTokenRotationPoll());
		this.cache = cache;
		this.vehicles = vehicles;
	}

	@Override
	protected void runOnce() {
		try {
			this.cache.poll(() -> this.vehicles.tokensRotatedWithin(VehicleTokenCache.ROTATION_WINDOW));
			if (this.failing) {
				log.info("Token rotations are read again: the vehicle token cache is in use again");
				this.failing = false;
			}
		}
		catch (RuntimeException ex) {
			// once, not every second of an outage
			if (!this.failing) {
				log.warn("Could not read the token rotations ({}): the vehicle token cache is emptied, "
						+ "and not relied on until they can be read again", ex.getMessage());
				this.failing = true;
			}
		}
	}

	/** Without a cache there is nothing to forget. */
	@Override
	public boolean isAutoStartup() {
		return this.cache.enabled();
	}

}
