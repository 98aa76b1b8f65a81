package org.fleettelemetry.support;

import org.fleettelemetry.fleet.FleetFigures;
import org.fleettelemetry.ingestion.Ingestion;
import org.fleettelemetry.ingestion.MockReportHistory;
import org.fleettelemetry.security.MockApiKeys;
import org.fleettelemetry.vehicles.MockRegistrations;
import org.fleettelemetry.vehicles.Leaders;
import org.fleettelemetry.vehicles.Vehicles;
import org.fleettelemetry.webhooks.MockWebhooks;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The base of web slice tests: Spring MVC through {@code MockMvc}, with the controllers,
 * the problem handler, the servlet filters and the security configuration as the
 * application has them, and the services behind the controllers replaced by Mockito mocks
 * (autowire them to stub them). Every such test shares one Spring context, so a test
 * class must not declare mocks or configuration of its own.
 * <p>
 * The controllers whose service is package-private ({@code AnomalyController},
 * {@code ReconciliationController}) or that read the database themselves
 * ({@code MilestoneController}, through its repository) and the stream (whose subscribers
 * a thread of its own serves) are left out: they are tested on the real PostgreSQL by the
 * integration tests. So are the fast paths (a {@code FastPath} and the
 * {@code PublicRead}s are no web components): their filters pass every request on to
 * Spring MVC here, and {@code FastPathIntegrationTests} shows that they answer as it
 * does.
 */
@WebMvcTest(properties = { "fleet.admin.token=" + IntegrationTests.ADMIN_TOKEN,
		// every token is looked up in the (mocked) vehicle registry or key store, none
		// remembered from another test
		"fleet.vehicle-token-cache-ttl=0", "fleet.gateway.token=" + IntegrationTests.GATEWAY_TOKEN },
		// as the application does: no user store, bearer tokens only
		excludeAutoConfiguration = UserDetailsServiceAutoConfiguration.class,
		// package-private, so named here rather than imported: the security configuration
		// and the beans and settings it needs, and the settings of the fleet figures
		includeFilters = @Filter(type = FilterType.REGEX, pattern = {
				"org\\.fleettelemetry\\.security\\.(SecurityConfiguration|TokenResolver|VehicleTokenCache|ApiKeyCache)",
				"org\\.fleettelemetry\\.security\\.SecuritySettings",
				"org\\.fleettelemetry\\.fleet\\.(FleetSettings|SharedFigures)",
				"org\\.fleettelemetry\\.web\\.(ProblemWriter|CorsRules|WebSettings|StrictJson)" }),
		excludeFilters = @Filter(type = FilterType.REGEX,
				pattern = "org\\.fleettelemetry\\.(ingestion\\.AnomalyController|milestones\\.MilestoneController|live\\.StreamController|reconciliation\\.ReconciliationController)"))
@Import(WebSliceConfiguration.class)
@MockitoBean(types = { Vehicles.class, Ingestion.class, FleetFigures.class, Leaders.class })
@MockWebhooks
@MockApiKeys
@MockRegistrations
@MockReportHistory
public abstract class WebSliceTests {

	@Autowired
	protected MockMvcTester mvc;

	/** A caller without a token. */
	protected MvcClient anonymous;

	/** The gateway, with its token. */
	protected MvcClient gateway;

	/** The admin, with its token. */
	protected MvcClient admin;

	@BeforeEach
	void callers() {
		this.anonymous = new MvcClient(this.mvc, null);
		this.gateway = new MvcClient(this.mvc, IntegrationTests.GATEWAY_TOKEN);
		this.admin = new MvcClient(this.mvc, IntegrationTests.ADMIN_TOKEN);
	}

}
