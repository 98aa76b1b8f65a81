package org.fleettelemetry.fleet;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fleettelemetry.web.FastPath;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * The fast path of {@code GET /api/v1/fleet/summary}, which every dashboard polls: it writes what
 * {@link FleetController#summary} answers.
 */
@Component
class SummaryFastPath implements FastPath {

	private static final String PATH = "/api/v1/fleet/summary";

	private final FleetController fleet;

	SummaryFastPath(FleetController fleet) {
		this.fleet = fleet;
	}

	@Override
	public boolean answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String uri = request.getRequestURI();
		if (!HttpMethod.GET.matches(request.getMethod()) || !uri.endsWith(PATH)
				|| uri.length() != request.getContextPath().length() + PATH.length()) {
			return false;
		}
		FastPath.writeJson(response, HttpServletResponse.SC_OK, this.fleet.summary());
		return true;
	}

}
