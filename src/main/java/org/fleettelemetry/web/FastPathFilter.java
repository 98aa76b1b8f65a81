package org.fleettelemetry.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The fast path of one of the busiest endpoints: a filter, the last one (after authentication and
 * authorization), that answers the ordinary requests of that endpoint itself, skipping Spring MVC's
 * handler look-up, argument resolution and message conversion, which cost more CPU than the work
 * behind them. It calls the endpoint's controller method, so the work is the same, and its failures go
 * to the same exception handlers as Spring MVC's, so the answers are the same. Every other request goes
 * on to Spring MVC. {@code fleet.web.fast-path=false} turns every fast path off.
 */
public abstract class FastPathFilter extends OncePerRequestFilter {

	/** The property that turns the fast paths on (by default) or off. */
	public static final String ENABLED = "fleet.web.fast-path";

	private final HandlerExceptionResolver exceptions;

	protected FastPathFilter(HandlerExceptionResolver exceptions) {
		this.exceptions = exceptions;
	}

	@Override
	protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!answers(request) || !acceptsJson(request.getHeader("Accept"))) {
			chain.doFilter(request, response);
			return;
		}
		try {
			answer(request, response);
		}
		catch (RuntimeException ex) {
			if (this.exceptions.resolveException(request, response, null, ex) == null) {
				throw ex;
			}
		}
	}

	/** Whether this fast path answers the request (its {@code Accept} header is checked apart). */
	protected abstract boolean answers(HttpServletRequest request);

	/** Answers the request, or fails as the controller method would. */
	protected abstract void answer(HttpServletRequest request, HttpServletResponse response) throws IOException;

	/** Writes a JSON body; written, not closed, so the filters around finish before the client has it. */
	protected static void writeJson(HttpServletResponse response, int status, byte[] json) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(json);
	}

	/** No {@code Accept}, anything, or JSON exactly: other wishes are Spring MVC's to negotiate. */
	private static boolean acceptsJson(String accept) {
		return accept == null || accept.equals("*/*") || accept.equalsIgnoreCase(MediaType.APPLICATION_JSON_VALUE);
	}

}
