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
		boolean answered;
		try {
			answered = acceptsJson(request.getHeader("Accept")) && answer(request, response);
		}
		catch (RuntimeException ex) {
			if (this.exceptions.resolveException(request, response, null, ex) == null) {
				throw ex;
			}
			return;
		}
		if (!answered) {
			chain.doFilter(request, response);
		}
	}

	/**
	 * Answers the request and returns {@code true}, or fails as the controller method would; returns
	 * {@code false}, having written nothing, for a request this fast path leaves to Spring MVC. (Its
	 * {@code Accept} header has been checked.)
	 */
	protected abstract boolean answer(HttpServletRequest request, HttpServletResponse response) throws IOException;

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
