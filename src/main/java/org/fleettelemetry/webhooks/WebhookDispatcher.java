package org.fleettelemetry.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries, off the request path, on every instance: claims a batch, sends it
 * in parallel, records each outcome, and goes on while batches come full, unless the
 * application is closing: then the round ends with the batch it has claimed, so that its
 * outcomes are recorded while the database is still there (within
 * {@code spring.task.scheduling.shutdown.await-termination-period}), rather than sent
 * again once their lease ends. A failed attempt is retried with exponential backoff until
 * the last one, after which the delivery is kept as failed. Every round also counts the
 * pending deliveries for the {@code webhook.deliveries.pending} gauge, so that a scrape
 * never waits for the database; while it cannot be read, the gauge keeps its last value.
 */
@Component
class WebhookDispatcher {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private static final List<String> OUTCOMES = List.of("success", "failure", "exhausted");

	private final DeliveryQueue queue;

	private final WebhookSender sender;

	private final WebhookSettings settings;

	private final Clock clock;

	private final MeterRegistry meters;

	/** The pending deliveries as last counted; NaN before the first count. */
	private volatile double pending = Double.NaN;

	/** Set once the application begins to close: no further batch is claimed. */
	private volatile boolean closing;

	WebhookDispatcher(DeliveryQueue queue, WebhookSender sender, WebhookSettings settings, Clock clock,
			MeterRegistry meters) {
		this.queue = queue;
		this.sender = sender;
		this.settings = settings;
		this.clock = clock;
		this.meters = meters;
		Gauge.builder("webhook.deliveries.pending", this, (dispatcher) -> dispatcher.pending)
			.description("Webhook deliveries waiting for a successful attempt, read from the database every "
					+ "dispatch interval")
			.register(meters);
		for (String outcome : OUTCOMES) {
			counter(outcome);
		}
	}

	@Scheduled(fixedDelayString = "${fleet.webhooks.dispatch.interval:1s}")
	void dispatch() {
		try {
			if (this.settings.dispatch().enabled() && !this.closing) {
				dispatchDue();
			}
			this.pending = this.queue.pending();
		}
		catch (TransientDataAccessException | DataAccessResourceFailureException ex) {
			// the deliveries wait in the database; the next round retries them
			log.warn("Webhook deliveries wait: the database is unavailable ({})", ex.getMessage());
		}
	}

	private void dispatchDue() {
		int batch = this.settings.dispatch().batchSize();
		List<DeliveryQueue.Claimed> claimed;
		do {
			claimed = this.queue.claim(batch, this.settings.dispatch().lease());
			Instant now = this.clock.instant();
			List<CompletableFuture<WebhookSender.Attempt>> attempts = claimed.stream()
				.map((delivery) -> this.sender.send(delivery, now))
				.toList();
			for (int i = 0; i < claimed.size(); i++) {
				record(claimed.get(i), attempts.get(i).join());
			}
		}
		while (claimed.size() == batch && !this.closing);
	}

	/** Published before the scheduler and the database are stopped. */
	@EventListener(ContextClosedEvent.class)
	void closing() {
		this.closing = true;
	}

	private void record(DeliveryQueue.Claimed delivery, WebhookSender.Attempt attempt) {
		if (attempt.succeeded()) {
			this.queue.delivered(delivery, attempt.status());
			count("success");
			return;
		}
		boolean last = delivery.attempts() >= this.settings.retry().maxAttempts();
		String error = (attempt.error() != null) ? attempt.error() : "HTTP " + attempt.status();
		this.queue.failed(delivery, attempt.status(), error, last ? null : backoff(delivery.attempts()));
		log.info("Webhook delivery of {} to {}, attempt {}: {}{}", delivery.eventId(), delivery.url(),
				delivery.attempts(), error, last ? "; giving up" : "");
		count(last ? "exhausted" : "failure");
	}

	/**
	 * The wait after the {@code attempts}-th failed attempt: the initial interval,
	 * doubled each time.
	 */
	Duration backoff(int attempts) {
		return this.settings.retry().initialInterval().multipliedBy(1L << Math.min(attempts - 1, 30));
	}

	private void count(String outcome) {
		counter(outcome).increment();
	}

	private Counter counter(String outcome) {
		return Counter.builder("webhook.deliveries")
			.description(
					"Webhook delivery attempts, by outcome: success, failure (to be retried), exhausted (the last)")
			.tag("outcome", outcome)
			.register(this.meters);
	}

}
