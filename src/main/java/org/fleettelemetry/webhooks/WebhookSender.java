package org.fleettelemetry.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.fleettelemetry.shared.FleetException;

import org.springframework.stereotype.Component;

/**
 * Sends one attempt of a delivery, signed by the Standard Webhooks specification, with a
 * connect and an answer timeout. Redirects are not followed: an endpoint is the URL
 * registered.
 */
@Component
class WebhookSender {

	private final HttpClient client;

	private final WebhookSettings.Dispatch settings;

	private final WebhookUrls urls;

	WebhookSender(WebhookSettings settings, WebhookUrls urls) {
		this.settings = settings.dispatch();
		this.urls = urls;
		this.client = HttpClient.newBuilder()
			.connectTimeout(this.settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	CompletableFuture<Attempt> send(DeliveryQueue.Claimed delivery, Instant at) {
		URI uri;
		try {
			uri = this.urls.check(delivery.url());
		}
		catch (FleetException ex) {
			return CompletableFuture.completedFuture(new Attempt(null, ex.getMessage()));
		}
		long timestamp = at.getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.settings.timeout())
			.header("Content-Type", "application/json")
			.header("webhook-id", delivery.eventId())
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature",
					WebhookSignature.sign(delivery.secret(), delivery.eventId(), timestamp, delivery.payload()))
			.POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
			.build();
		return this.client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
			.handle((response, ex) -> (ex == null) ? new Attempt(response.statusCode(), null)
					: new Attempt(null, describe(ex)));
	}

	private static String describe(Throwable ex) {
		Throwable cause = (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
		return cause.getClass().getSimpleName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
	}

	/**
	 * What an attempt got.
	 *
	 * @param status the HTTP status answered, or {@code null} without an answer
	 * @param error why there was no answer, or why it was not sent
	 */
	record Attempt(Integer status, String error) {

		boolean succeeded() {
			return this.status != null && this.status >= 200 && this.status < 300;
		}

	}

}
