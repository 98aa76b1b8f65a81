package org.fleettelemetry.webhooks;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.fleettelemetry.shared.Fields;
import org.fleettelemetry.shared.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook endpoints and their deliveries, for the admin (the security configuration
 * requires its token).
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

	private final Webhooks webhooks;

	WebhookController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@Operation(operationId = "registerWebhook",
			summary = "Register an endpoint for milestone webhooks; its secret is shown once")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	WebhookViews.WebhookCreated register(@RequestBody WebhookViews.WebhookRegistration request) {
		return this.webhooks.register(Fields.required("url", request.url()));
	}

	@Operation(operationId = "listWebhooks", summary = "List the registered webhook endpoints")
	@GetMapping
	List<WebhookViews.WebhookEndpoint> list() {
		return this.webhooks.list();
	}

	@Operation(operationId = "deleteWebhook", summary = "Delete a webhook endpoint")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String id) {
		this.webhooks.delete(id);
	}

	@Operation(operationId = "listWebhookDeliveries",
			summary = "List the deliveries to a webhook endpoint as keyset pages, the newest first")
	@GetMapping("/{id}/deliveries")
	Page<WebhookViews.WebhookDelivery> deliveries(@PathVariable String id,
			@RequestParam(required = false) @Nullable String size,
			@RequestParam(required = false) @Nullable String cursor) {
		return this.webhooks.deliveries(id, cursor, Page.size(size));
	}

	@Operation(operationId = "redeliverWebhookDelivery", summary = "Send a delivery to a webhook endpoint again")
	@PostMapping("/{id}/deliveries/{eventId}/redeliver")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void redeliver(@PathVariable String id, @PathVariable String eventId) {
		this.webhooks.redeliver(id, eventId);
	}

}
