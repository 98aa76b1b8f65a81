package org.fleettelemetry.web;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An endpoint that fails as a bug would, {@code POST /test/failure} (admin), for the
 * tests of what a 500 answers and logs ({@link TracingIntegrationTests}). Part of every
 * integration test's context ({@code IntegrationTests} imports it), so that those tests
 * need no context of their own; no other test calls it, and the OpenAPI document leaves
 * it out.
 */
@Hidden
@TestComponent
@RestController
public class FailingEndpoint {

	/** What the failure says, which the answer must not. */
	static final String SECRET = "a secret of the service";

	@PostMapping("/test/failure")
	void fail() {
		throw new IllegalStateException(SECRET);
	}

}
