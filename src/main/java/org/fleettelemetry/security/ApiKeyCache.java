package org.fleettelemetry.security;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Remembers what an API key grants, as vehicle tokens are remembered: a dashboard polling
 * with its key costs no look-up each time. A key revoked here is forgotten once the
 * revocation commits, elsewhere at the next poll of the revocations.
 */
@Component
class ApiKeyCache extends TokenCache<ApiKeyGrant> {

	ApiKeyCache(SecuritySettings settings) {
		super(settings, System::nanoTime, (grant) -> grant.id().toString());
	}

	@TransactionalEventListener
	void on(ApiKeyRevoked revoked) {
		forget(revoked.id().toString());
	}

}
