package org.fleettelemetry.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers the {@link PublicRead}s first of all filters. A dashboard's poll of the summary
 * costs little more than its shared read, yet the filters before the handler cost several
 * times that: the request's observation (its {@code http.server.requests} timing) and
 * Spring Security's chain, which for a public read only adds its headers. This filter
 * does what they would do, more cheaply: it writes the same security headers (the
 * {@code securityHeaders} bean, which the chain writes too), records the same
 * {@code http.server.requests} timer with the same tags, and hands failures to the same
 * exception handlers as Spring MVC, so the answers are the same; only the active-requests
 * gauge ({@code http.server.requests.active}) leaves these reads out. It applies the same
 * CORS rules ({@link CorsRules}), and answers 304 to an {@code If-None-Match} that
 * matches the read's ETag.
 * <p>
 * It takes only the plainest requests: {@code GET} of exactly the path (nothing that
 * Spring Security's firewall would refuse), without credentials, that accept JSON. Every
 * other request goes on through the usual filters to Spring MVC; one with an
 * {@code Authorization} header among them, since the chain checks any token it is given
 * (a bad one is a 401, on public endpoints too). {@code fleet.web.fast-path=false} turns
 * this off with the other fast paths.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PublicReadFilter extends OncePerRequestFilter {

	private static final String TIMER = "http.server.requests";

	private final Map<String, PublicRead> reads;

	private final HandlerExceptionResolver exceptions;

	private final HeaderWriter securityHeaders;

	private final MeterRegistry meters;

	private final CorsRules cors;

	/** Per path, status and exception, the timer, built once: this runs on every poll. */
	private final Map<Outcomes, Timer> timers = new ConcurrentHashMap<>();

	PublicReadFilter(List<PublicRead> reads, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptions,
			HeaderWriter securityHeaders, MeterRegistry meters, CorsRules cors) {
		this.reads = reads.stream().collect(Collectors.toUnmodifiableMap(PublicRead::path, Function.identity()));
		this.exceptions = exceptions;
		this.securityHeaders = securityHeaders;
		this.meters = meters;
		this.cors = cors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		PublicRead read = find(request);
		if (read == null) {
			chain.doFilter(request, response);
			return;
		}
		long start = System.nanoTime();
		String exception = "none";
		this.securityHeaders.writeHeaders(request, response);
		try {
			if (this.cors.apply(request, response)) {
				PublicRead.Body body = read.read().get();
				if (body.etag() == null || !new ServletWebRequest(request, response).checkNotModified(body.etag())) {
					FastPath.writeJson(response, HttpServletResponse.SC_OK, body.json());
				}
			}
		}
		catch (RuntimeException ex) {
			if (this.exceptions.resolveException(request, response, null, ex) == null) {
				// answered with a 500 further out, as Spring MVC's unhandled failures are
				exception = ex.getClass().getSimpleName();
				throw ex;
			}
		}
		finally {
			int status = "none".equals(exception) ? response.getStatus() : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
			timer(new Outcomes(read.path(), status, exception)).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * The read this request asks for, or {@code null} when it is not one of the plain
	 * requests taken here.
	 */
	private @Nullable PublicRead find(HttpServletRequest request) {
		if (!HttpMethod.GET.matches(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| !FastPathFilter.acceptsJson(request.getHeader(HttpHeaders.ACCEPT))) {
			return null;
		}
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return uri.startsWith(context) ? this.reads.get(uri.substring(context.length())) : null;
	}

	/** The timer Spring's request observation would record into, with the same tags. */
	private Timer timer(Outcomes outcomes) {
		return this.timers.computeIfAbsent(outcomes,
				(key) -> Timer.builder(TIMER)
					.tag("method", "GET")
					.tag("uri", key.path())
					.tag("status", Integer.toString(key.status()))
					.tag("outcome", Outcome.forStatus(key.status()).name())
					.tag("exception", key.exception())
					.tag("error", key.exception())
					.register(this.meters));
	}

	private record Outcomes(String path, int status, String exception) {
	}

}
