package org.fleettelemetry.web;

import java.io.IOException;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Gives every request a trace, from the moment Tomcat hands it over until its answer is
 * written: a span continuing the caller's W3C {@code traceparent}, or the first of a new
 * trace, in scope for the whole request. So every log line of the request carries its
 * trace id (Spring Boot's log correlation), and so does every problem detail, whoever
 * writes it: a filter, Spring Security, Spring MVC, the {@code /error} page, or Tomcat's
 * error report ({@link ProblemReportValve}), all of which run inside this valve.
 * <p>
 * A valve of Tomcat's engine rather than a servlet filter, because the busiest paths skip
 * the request observation that would otherwise start the span (the report endpoints,
 * timed by their own histogram, and the public reads, answered first of all filters), and
 * because Tomcat's error page and error report run after the filters have returned. It
 * costs one span per request: unsampled unless the caller asks, it records nothing, and
 * only its ids are made.
 */
class RequestTracing extends ValveBase {

	private static final Propagator.Getter<Request> HEADERS = Request::getHeader;

	private final Tracer tracer;

	private final Propagator propagator;

	RequestTracing(Tracer tracer, Propagator propagator) {
		// Tomcat allows asynchronous requests (the live stream) only if every valve does
		super(true);
		this.tracer = tracer;
		this.propagator = propagator;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		Span span = this.propagator.extract(request, HEADERS).kind(Span.Kind.SERVER).name(request.getMethod()).start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			getNext().invoke(request, response);
		}
		finally {
			if (!span.isNoop()) {
				span.tag("http.method", request.getMethod());
				span.tag("http.status_code", Integer.toString(response.getStatus()));
			}
			span.end();
		}
	}

}
