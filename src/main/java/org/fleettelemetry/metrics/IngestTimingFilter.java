package org.fleettelemetry.metrics;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Times every report request, from its arrival to its answer (authentication, body checks and
 * crediting included), as the histogram {@code telemetry_ingest_seconds} by endpoint and status.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class IngestTimingFilter extends OncePerRequestFilter {

	/** From a cached single report to a slow batch of a thousand. */
	static final Duration[] BUCKETS = { Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
			Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
			Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2) };

	private static final Map<PathPattern, String> ENDPOINTS = Map.of(
			PathPatternParser.defaultInstance.parse("/api/v1/vehicles/{vin}/reports"), "single",
			PathPatternParser.defaultInstance.parse("/api/v1/vehicles/{vin}/reports/batch"), "vehicle_batch",
			PathPatternParser.defaultInstance.parse("/api/v1/reports/batch"), "gateway_batch");

	private final MeterRegistry meters;

	IngestTimingFilter(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return endpoint(request) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		boolean failed = true;
		try {
			chain.doFilter(request, response);
			failed = false;
		}
		finally {
			// an exception escaping the chain becomes a 500 further out
			int status = failed ? 500 : response.getStatus();
			Timer.builder("telemetry.ingest")
				.description("Time to answer a report request, by endpoint and HTTP status")
				.tag("endpoint", endpoint(request))
				.tag("status", Integer.toString(status))
				.serviceLevelObjectives(BUCKETS)
				.register(this.meters)
				.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
	}

	private static String endpoint(HttpServletRequest request) {
		if (!HttpMethod.POST.matches(request.getMethod())) {
			return null;
		}
		PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		return ENDPOINTS.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().matches(path))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

}
