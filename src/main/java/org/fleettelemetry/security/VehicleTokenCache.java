package org.fleettelemetry.security;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.fleettelemetry.vehicles.TokenRotated;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Remembers which vehicle a token belongs to: a car posting report after report costs no
 * database look-up each time. A vehicle whose token is rotated (or which is retired) is
 * forgotten here once that commits, elsewhere at the next poll.
 */
@Component
class VehicleTokenCache extends TokenCache<String> {

	@Autowired
	VehicleTokenCache(SecuritySettings settings) {
		this(settings, System::nanoTime);
	}

	VehicleTokenCache(SecuritySettings settings, LongSupplier ticker) {
		super(settings, ticker, Function.identity());
	}

	Optional<String> vinOf(String tokenHash, Function<String, Optional<String>> lookup) {
		return find(tokenHash, lookup);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(TokenRotated rotated) {
		forget(rotated.vin());
	}

}
