package org.fleettelemetry.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fleettelemetry.shared.ErrorCode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Which origins browsers may call from: any origin for the public reads (the fleet
 * figures, leaders and stream, the milestones, the live page and its files), the origins
 * of {@code fleet.web.cors.allowed-origins} for the rest. A preflight is answered before
 * any token is asked for; one that is not allowed is a {@code FORBIDDEN} problem.
 */
@Component
public class CorsRules {

	/** The public reads and the live page, readable from any origin. */
	static final List<String> PUBLIC = List.of("/api/v1/fleet/**", "/api/v1/milestones", "/", "/index.html", "/live/**",
			"/webjars/**", "/favicon.svg");

	private final CorsConfigurationSource source;

	private final DefaultCorsProcessor processor;

	CorsRules(WebSettings settings, ProblemWriter problems) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		CorsConfiguration everyone = new CorsConfiguration();
		everyone.addAllowedOrigin(CorsConfiguration.ALL);
		everyone.addAllowedMethod("GET");
		everyone.addAllowedMethod("HEAD");
		everyone.addAllowedHeader(CorsConfiguration.ALL);
		everyone.addExposedHeader(HttpHeaders.ETAG);
		everyone.setMaxAge(Duration.ofHours(1));
		PUBLIC.forEach((path) -> source.registerCorsConfiguration(path, everyone));
		CorsConfiguration listed = new CorsConfiguration().applyPermitDefaultValues();
		listed.setAllowedOrigins(settings.cors().allowedOrigins());
		listed.addAllowedMethod(CorsConfiguration.ALL);
		listed.addExposedHeader(HttpHeaders.ETAG);
		listed.addExposedHeader(HttpHeaders.LOCATION);
		source.registerCorsConfiguration("/**", listed);
		this.source = source;
		this.processor = new DefaultCorsProcessor() {
			@Override
			protected void rejectRequest(ServerHttpResponse response) throws IOException {
				problems.write(((ServletServerHttpResponse) response).getServletResponse(), ErrorCode.FORBIDDEN,
						"This origin may not call this endpoint from a browser");
			}
		};
	}

	/** A filter for the security chain that applies these rules to every request. */
	public CorsFilter filter() {
		CorsFilter filter = new CorsFilter(this.source);
		filter.setCorsProcessor(this.processor);
		return filter;
	}

	/**
	 * Applies these rules to a request answered ahead of the security chain: adds the
	 * CORS headers of an allowed cross-origin request; {@code false} when the request was
	 * refused (and answered).
	 */
	boolean apply(HttpServletRequest request, HttpServletResponse response) throws IOException {
		CorsConfiguration config = this.source.getCorsConfiguration(request);
		return config == null || this.processor.processRequest(config, request, response);
	}

}
