package org.fleettelemetry.webhooks;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the webhook endpoints answer.
 */
final class WebhookViews {

	private WebhookViews() {
	}

	/**
	 * A registration request.
	 *
	 * @param url where to POST the events: https, on a public host
	 */
	record WebhookRegistration(String url) {
	}

	/**
	 * A new endpoint, with its signing secret, shown only this once.
	 *
	 * @param id its id
	 * @param url where events are POSTed
	 * @param secret the Standard Webhooks signing secret, {@code whsec_...}
	 */
	record WebhookCreated(UUID id, String url, String secret) {
	}

	/**
	 * A registered endpoint.
	 *
	 * @param id its id
	 * @param url where events are POSTed
	 * @param createdAt when it was registered
	 */
	record WebhookEndpoint(UUID id, String url, Instant createdAt) {
	}

	/**
	 * One event's delivery to one endpoint.
	 *
	 * @param eventId the event's id, sent as {@code webhook-id}
	 * @param status {@code PENDING}, {@code DELIVERED} or {@code FAILED}
	 * @param attempts attempts made (since the last redelivery)
	 * @param lastAttemptAt when the last attempt started, or {@code null}
	 * @param lastStatus the HTTP status of the last answer, or {@code null} without one
	 */
	record WebhookDelivery(String eventId, String status, int attempts, @Nullable Instant lastAttemptAt,
			@Nullable Integer lastStatus) {
	}

}
