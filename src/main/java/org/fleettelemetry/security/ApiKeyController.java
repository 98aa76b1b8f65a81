package org.fleettelemetry.security;

import io.swagger.v3.oas.annotations.Operation;
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
 * API keys, for the admin (its token or an {@code ADMIN} key; a {@code READ} key may list
 * them): issued, listed without the keys, revoked.
 */
@RestController
@RequestMapping("/api/v1/admin/keys")
class ApiKeyController {

	private final ApiKeys keys;

	ApiKeyController(ApiKeys keys) {
		this.keys = keys;
	}

	@Operation(operationId = "createApiKey",
			summary = "Issue an API key with a scope (READ, GATEWAY, ADMIN); the key is shown once")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ApiKeyViews.ApiKeyCreated create(@RequestBody ApiKeyViews.ApiKeyRequest request) {
		return this.keys.create(request);
	}

	@Operation(operationId = "listApiKeys", summary = "List the API keys as keyset pages, without the keys")
	@GetMapping
	Page<ApiKeyViews.ApiKeyView> list(@RequestParam(required = false) @Nullable String size,
			@RequestParam(required = false) @Nullable String cursor) {
		return this.keys.list(cursor, Page.size(size));
	}

	@Operation(operationId = "revokeApiKey", summary = "Revoke an API key: it stops working on every instance")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable String id) {
		this.keys.revoke(id);
	}

}
