package org.fleettelemetry.ingestion;

import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletRequest;
import org.fleettelemetry.vehicles.Vin;

import org.springframework.http.HttpMethod;

/**
 * The paths of the report endpoints, told apart by plain string checks rather than
 * pattern matching: every POST passes through here.
 */
public final class ReportPaths {

	private static final String VEHICLES = "/api/v1/vehicles/";

	private static final String REPORTS = "/reports";

	private ReportPaths() {
	}

	/**
	 * The report endpoint a request is posted to, as a metric tag: {@code single},
	 * {@code vehicle_batch} or {@code gateway_batch}; {@code null} for any other request.
	 */
	public static String endpoint(HttpServletRequest request) {
		return HttpMethod.POST.matches(request.getMethod()) ? endpoint(path(request)) : null;
	}

	private static @Nullable String endpoint(String path) {
		if (path.equals("/api/v1/reports/batch")) {
			return "gateway_batch";
		}
		if (!path.startsWith(VEHICLES)) {
			return null;
		}
		int slash = path.indexOf('/', VEHICLES.length());
		if (slash < 0) {
			return null;
		}
		return switch (path.substring(slash)) {
			case REPORTS -> "single";
			case REPORTS + "/batch" -> "vehicle_batch";
			default -> null;
		};
	}

	/**
	 * The VIN a single report is posted for ({@code /api/v1/vehicles/{vin}/reports}),
	 * when it is a well-formed VIN as it stands (not percent-encoded); else, and for any
	 * other request, {@code null}.
	 */
	static String singleReportVin(HttpServletRequest request) {
		return HttpMethod.POST.matches(request.getMethod()) ? singleReportVin(path(request)) : null;
	}

	private static @Nullable String singleReportVin(String path) {
		if (path.length() != VEHICLES.length() + 17 + REPORTS.length() || !path.startsWith(VEHICLES)
				|| !path.endsWith(REPORTS)) {
			return null;
		}
		String vin = path.substring(VEHICLES.length(), VEHICLES.length() + 17);
		return Vin.isValid(vin) ? vin : null;
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
