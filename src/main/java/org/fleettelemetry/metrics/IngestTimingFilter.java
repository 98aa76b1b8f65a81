package org.fleettelemetry.metrics;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fleettelemetry.ingestion.ReportPaths;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Times every report request, from its arrival to its answer (authentication, body checks
 * and crediting included), as the histogram {@code telemetry_ingest_seconds} by endpoint
 * and status. It runs first, and leaves the endpoint it found
 * ({@link ReportPaths#endpoint}) in the request attribute {@link #ENDPOINT} for what runs
 * after it ({@link ReportObservations}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class IngestTimingFilter extends OncePerRequestFilter {

	/** From a cached single report to a slow batch of a thousand. */
	static final Duration[] BUCKETS = { Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
			Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
			Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2) };

	/** The request attribute naming the report endpoint a request is. */
	static final String ENDPOINT = IngestTimingFilter.class.getName() + ".endpoint";

	private final MeterRegistry meters;

	/**
	 * Per endpoint, one timer per status, built once: this runs on every report request.
	 */
	private final Map<String, Map<Integer, Timer>> timers = new ConcurrentHashMap<>();

	IngestTimingFilter(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String endpoint = ReportPaths.endpoint(request);
		if (endpoint == null) {
			chain.doFilter(request, response);
			return;
		}
		request.setAttribute(ENDPOINT, endpoint);
		long start = System.nanoTime();
		boolean failed = true;
		try {
			chain.doFilter(request, response);
			failed = false;
		}
		finally {
			// an exception escaping the chain becomes a 500 further out
			int status = failed ? 500 : response.getStatus();
			this.timers.computeIfAbsent(endpoint, (key) -> new ConcurrentHashMap<>())
				.computeIfAbsent(status,
						(key) -> Timer.builder("telemetry.ingest")
							.description("Time to answer a report request, by endpoint and HTTP status")
							.tag("endpoint", endpoint)
							.tag("status", Integer.toString(status))
							.serviceLevelObjectives(BUCKETS)
							.register(this.meters))
				.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
	}

}
