package org.fleettelemetry.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The fast paths of the busiest authenticated endpoints ({@link FastPath} beans; the
 * public reads have {@link PublicReadFilter}), in one filter, the last one (after
 * authentication and authorization), so that each fast path costs the other requests no
 * filter of its own. A fast path answers the ordinary requests of its endpoint itself,
 * skipping Spring MVC's handler look-up, argument resolution and message conversion,
 * which cost more CPU than the work behind them; its failures go to the same exception
 * handlers as Spring MVC's, so the answers are the same. Every other request goes on to
 * Spring MVC. {@code fleet.web.fast-path=false} turns every fast path off.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class FastPathFilter extends OncePerRequestFilter {

	private final List<FastPath> paths;

	private final HandlerExceptionResolver exceptions;

	FastPathFilter(List<FastPath> paths, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptions) {
		this.paths = List.copyOf(paths);
		this.exceptions = exceptions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
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

	private boolean answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		for (FastPath path : this.paths) {
			if (path.answer(request, response)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * No {@code Accept}, anything, or JSON exactly: other wishes are Spring MVC's to
	 * negotiate.
	 */
	static boolean acceptsJson(String accept) {
		return accept == null || accept.equals("*/*") || accept.equalsIgnoreCase(MediaType.APPLICATION_JSON_VALUE);
	}

}
