package org.fleettelemetry.fleet;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fleettelemetry.web.FastPathFilter;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The fast path of {@code GET /api/v1/fleet/summary}, which every dashboard polls: it writes what
 * {@link FleetController#summary} answers.
 */
@Component
@ConditionalOnBooleanProperty(name = FastPathFilter.ENABLED, matchIfMissing = true)
@Order(Ordered.LOWEST_PRECEDENCE)
class SummaryFilter extends FastPathFilter {

	private static final String PATH = "/api/v1/fleet/summary";

	private final FleetController fleet;

	SummaryFilter(FleetController fleet, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptions) {
		super(exceptions);
		this.fleet = fleet;
	}

	@Override
	protected boolean answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String uri = request.getRequestURI();
		if (!HttpMethod.GET.matches(request.getMethod()) || !uri.endsWith(PATH)
				|| uri.length() != request.getContextPath().length() + PATH.length()) {
			return false;
		}
		writeJson(response, HttpServletResponse.SC_OK, this.fleet.summary());
		return true;
	}

}
