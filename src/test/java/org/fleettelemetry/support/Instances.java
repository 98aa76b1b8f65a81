package org.fleettelemetry.support;

import java.util.ArrayList;
import java.util.List;

import org.fleettelemetry.FleetTelemetryApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts more instances of the application, each a Spring context of its own on a free
 * port, over the shared test database: for tests of several instances and of restarts.
 * Their webhook dispatcher runs (the test contexts' does not), so a test that starts one
 * sees its deliveries sent by it alone.
 */
public final class Instances {

	private Instances() {
	}

	public static ConfigurableApplicationContext start(String... properties) {
		return start(new Class<?>[0], properties);
	}

	/**
	 * Starts an instance with {@code configurations} added to the application's own, for
	 * example a {@code @Primary} bean that stands in for one of its beans.
	 */
	public static ConfigurableApplicationContext start(Class<?>[] configurations, String... properties) {
		return start(TestDatabase.get(), configurations, properties);
	}

	/**
	 * Starts an instance over the database {@code db} rather than the shared test
	 * database: a server of its own, or a database restored from a backup.
	 */
	public static ConfigurableApplicationContext start(TestDatabase.Connection db, Class<?>[] configurations,
			String... properties) {
		List<String> all = new ArrayList<>(List.of("server.port=0", "spring.main.banner-mode=off",
				"spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=" + db.username(),
				"spring.datasource.password=" + db.password(), "fleet.admin.token=" + IntegrationTests.ADMIN_TOKEN,
				"fleet.gateway.token=" + IntegrationTests.GATEWAY_TOKEN,
				// no load balancer to wait for: closing an instance stops it at once
				"fleet.shutdown.drain-period=0s"));
		all.addAll(List.of(properties));
		// as command-line arguments, which outrank application.properties (builder
		// properties would not)
		return new SpringApplicationBuilder(FleetTelemetryApplication.class).sources(configurations)
			.run(all.stream().map((property) -> "--" + property).toArray(String[]::new));
	}

	public static Api api(ConfigurableApplicationContext instance) {
		return new Api(baseUrl(instance));
	}

	public static String baseUrl(ConfigurableApplicationContext instance) {
		return "http://localhost:" + port(instance);
	}

	public static int port(ConfigurableApplicationContext instance) {
		return Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port"));
	}

}
