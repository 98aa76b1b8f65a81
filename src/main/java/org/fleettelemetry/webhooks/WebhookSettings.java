package org.fleettelemetry.webhooks;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of webhook endpoints and of their delivery.
 *
 * @param allowPrivateUrls whether endpoints may use plain http and hosts that resolve to
 * private, loopback, link-local or unspecified addresses: for tests and closed networks
 * only
 * @param retry how failed deliveries are retried
 * @param dispatch how the dispatcher sends deliveries
 */
@ConfigurationProperties("fleet.webhooks")
@Validated
record WebhookSettings(@DefaultValue("false") boolean allowPrivateUrls, @Valid @NotNull @DefaultValue Retry retry,
		@Valid @NotNull @DefaultValue Dispatch dispatch) {

	/**
	 * Exponential backoff: the n-th failed attempt is followed by a wait of
	 * {@code initialInterval * 2^(n-1)}.
	 *
	 * @param initialInterval the wait after the first failed attempt
	 * @param maxAttempts attempts before a delivery is kept as failed
	 */
	record Retry(@NotNull @DefaultValue("10s") Duration initialInterval,
			@Min(1) @Max(30) @DefaultValue("12") int maxAttempts) {
	}

	/**
	 * The dispatcher, which sends due deliveries off the request path.
	 *
	 * @param enabled whether this instance sends deliveries at all (each instance may;
	 * they never send the same attempt twice)
	 * @param interval the pause between two rounds of the dispatcher
	 * @param batchSize deliveries claimed and sent (in parallel) at a time
	 * @param connectTimeout how long to wait for a connection to an endpoint
	 * @param timeout how long to wait for an endpoint's answer
	 */
	record Dispatch(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("1s") Duration interval,
			@Min(1) @Max(1000) @DefaultValue("16") int batchSize, @NotNull @DefaultValue("5s") Duration connectTimeout,
			@NotNull @DefaultValue("10s") Duration timeout) {

		/**
		 * How long a claimed attempt is reserved for its sender: another instance may
		 * retry it only after that, so an attempt is never sent twice unless its sender
		 * died.
		 */
		Duration lease() {
			return this.connectTimeout.plus(this.timeout).plusSeconds(5);
		}

	}

}
