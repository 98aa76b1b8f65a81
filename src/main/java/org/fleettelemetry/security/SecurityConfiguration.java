package org.fleettelemetry.security;

import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.web.CorsRules;
import org.fleettelemetry.web.ProblemWriter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.CompositeHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;

/**
 * Who may call what: fleet-wide reads, the live page and operations probes are public, a
 * vehicle's own figures and reports need that vehicle's token (or the admin's), gateway
 * batches the gateway's or the admin's, and everything else the admin's. An API key acts
 * as the admin or the gateway by its scope; a {@code READ} key reads what the admin
 * reads, and is refused (403) every request that could change something.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** The methods that change nothing, all a {@code READ} key may use. */
	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

	@Bean
	SecurityFilterChain api(HttpSecurity http, TokenResolver tokens, ProblemWriter problems,
			HeaderWriter securityHeaders, CorsRules cors) throws Exception {
		http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			// nothing asks the request for its user or roles, so it need not
			// be wrapped to answer
			.servletApi(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers((headers) -> headers.defaultsDisabled().addHeaderWriter(securityHeaders))
			// before any token is looked at: a preflight never needs one
			.addFilter(cors.filter())
			.addFilterBefore(new BearerTokenFilter(tokens, problems), AuthorizationFilter.class)
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problems.write(response, ErrorCode.UNAUTHORIZED,
						"This endpoint needs Authorization: Bearer <token>"))
				.accessDeniedHandler((request, response, ex) -> problems.write(response, ErrorCode.FORBIDDEN,
						"This token does not give access to this resource")))
			// the first rule that matches decides: the report rules come first, since
			// most requests are
			// reports and no other rule matches them
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(HttpMethod.POST, "/api/v1/vehicles/{vin}/reports",
						"/api/v1/vehicles/{vin}/reports/batch")
				.access(vehicleOwner(true))
				.requestMatchers(HttpMethod.POST, "/api/v1/reports/batch")
				.hasAnyRole("ADMIN", "GATEWAY")
				.requestMatchers(HttpMethod.GET, "/api/v1/fleet/**", "/api/v1/milestones")
				.permitAll()
				// the live page and its files
				.requestMatchers(HttpMethod.GET, "/", "/index.html", "/live/**", "/webjars/**", "/favicon.svg")
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
				.permitAll()
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
				.permitAll()
				.requestMatchers("/error")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/vehicles/{vin}", "/api/v1/vehicles/{vin}/reports",
						"/api/v1/vehicles/{vin}/daily")
				.access(vehicleReader())
				.anyRequest()
				.access(adminOrReader()));
		return http.build();
	}

	/**
	 * The headers every answer carries: Spring Security's defaults (no MIME sniffing, no
	 * caching, no framing, HSTS over HTTPS), in one bean so that the public reads,
	 * answered before the filter chain ({@code PublicReadFilter}), carry the same.
	 */
	@Bean
	HeaderWriter securityHeaders() {
		return new CompositeHeaderWriter(List.of(new XContentTypeOptionsHeaderWriter(),
				new XXssProtectionHeaderWriter(), new CacheControlHeadersWriter(), new HstsHeaderWriter(),
				new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY)));
	}

	/**
	 * Spring Security would otherwise time each of its filters on every request; the
	 * request's own {@code http.server.requests} timing is enough, and far cheaper on the
	 * ingestion path.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * The admin, or the vehicle named by the path's {@code vin}; the gateway too where it
	 * relays.
	 */
	private static AuthorizationManager<RequestAuthorizationContext> vehicleOwner(boolean gatewayAllowed) {
		return granted((caller, context) -> caller.owns(context.getVariables().get("vin"))
				|| (gatewayAllowed && caller.role() == Caller.Role.GATEWAY));
	}

	/**
	 * Whoever reads what the admin reads, or the vehicle named by the path's {@code vin}.
	 */
	private static AuthorizationManager<RequestAuthorizationContext> vehicleReader() {
		return granted((caller, context) -> caller.mayRead(context.getVariables().get("vin")));
	}

	/**
	 * The admin for anything; a reader ({@code READ} key) for what changes nothing: a
	 * {@code GET} or a {@code HEAD}.
	 */
	private static AuthorizationManager<RequestAuthorizationContext> adminOrReader() {
		return granted((caller, context) -> caller.isAdmin()
				|| (caller.readsAll() && SAFE_METHODS.contains(context.getRequest().getMethod())));
	}

	/**
	 * Grants an authenticated caller what {@code rule} allows; an anonymous request
	 * nothing.
	 */
	private static AuthorizationManager<RequestAuthorizationContext> granted(
			BiPredicate<Caller, RequestAuthorizationContext> rule) {
		return (Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) -> {
			if (!(authentication.get() instanceof Caller.Authentication auth)) {
				return new AuthorizationDecision(false);
			}
			return (AuthorizationResult) new AuthorizationDecision(rule.test(auth.getPrincipal(), context));
		};
	}

}
