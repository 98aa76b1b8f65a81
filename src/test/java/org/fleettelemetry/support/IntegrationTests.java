package org.fleettelemetry.support;

import org.fleettelemetry.web.FailingEndpoint;
import org.fleettelemetry.web.HandledBySpringMvc;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of tests that start the whole application on a real port, over the shared test
 * database, each test starting from empty tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fleet.admin.token=" + IntegrationTests.ADMIN_TOKEN,
				"fleet.gateway.token=" + IntegrationTests.GATEWAY_TOKEN,
				// only the tests that start their own instances send
				// webhooks: see Instances
				"fleet.webhooks.dispatch.enabled=false",
				// no load balancer to wait for when the tests end
				"fleet.shutdown.drain-period=0s" })
// shared by every integration test, so that FastPathIntegrationTests and
// TracingIntegrationTests need no context of their own
@Import({ HandledBySpringMvc.class, FailingEndpoint.class })
public abstract class IntegrationTests {

	public static final String ADMIN_TOKEN = "test-admin-token";

	public static final String GATEWAY_TOKEN = "test-gateway-token";

	/** The port the service under test listens on. */
	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	protected Api api;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@BeforeEach
	void emptyDatabase() {
		TestDatabase.empty(this.jdbc);
		this.api = new Api("http://localhost:" + this.port);
	}

}
