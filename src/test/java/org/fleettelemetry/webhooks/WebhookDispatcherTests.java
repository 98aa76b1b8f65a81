package org.fleettelemetry.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The dispatcher's rounds, over a queue that always has a full batch due and a sender
 * whose receivers all accept (the queue and the sending themselves are proven on
 * PostgreSQL and over HTTP by the integration tests).
 */
class WebhookDispatcherTests {

	private static final int BATCH = 2;

	private final WebhookSettings settings = new WebhookSettings(true,
			new WebhookSettings.Retry(Duration.ofSeconds(10), 12), new WebhookSettings.Dispatch(true,
					Duration.ofSeconds(1), BATCH, Duration.ofSeconds(5), Duration.ofSeconds(10)));

	private final AtomicInteger claims = new AtomicInteger();

	private final List<String> delivered = new CopyOnWriteArrayList<>();

	private WebhookDispatcher dispatcher;

	/**
	 * Claims a full batch every time; on the third claim, the application begins to
	 * close.
	 */
	private final DeliveryQueue queue = new DeliveryQueue(null) {

		@Override
		List<Claimed> claim(int limit, Duration lease) {
			if (WebhookDispatcherTests.this.claims.incrementAndGet() == 3) {
				WebhookDispatcherTests.this.dispatcher.closing();
			}
			return List.of(claimed(), claimed());
		}

		@Override
		void delivered(Claimed delivery, int status) {
			WebhookDispatcherTests.this.delivered.add(delivery.eventId());
		}

		@Override
		long pending() {
			return 0;
		}

	};

	private final WebhookSender sender = new WebhookSender(this.settings, new WebhookUrls(this.settings)) {

		@Override
		CompletableFuture<Attempt> send(DeliveryQueue.Claimed delivery, Instant at) {
			return CompletableFuture.completedFuture(new Attempt(204, null));
		}

	};

	@Test
	void aClosingApplicationEndsTheRoundWithTheBatchItHasClaimedAndRecordsItsOutcomes() {
		this.dispatcher = new WebhookDispatcher(this.queue, this.sender, this.settings, Clock.systemUTC(),
				new SimpleMeterRegistry());
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> this.dispatcher.dispatch());
		assertThat(this.claims).hasValue(3);
		assertThat(this.delivered).hasSize(3 * BATCH);
		this.dispatcher.dispatch();
		assertThat(this.claims).as("no round claims once closing").hasValue(3);
	}

	private static DeliveryQueue.Claimed claimed() {
		return new DeliveryQueue.Claimed(UUID.randomUUID(), "evt_" + UUID.randomUUID(), 1, "https://example.com/hook",
				"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "{}");
	}

}
