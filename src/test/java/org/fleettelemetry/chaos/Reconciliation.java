package org.fleettelemetry.chaos;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.IntegrationTests;

/**
 * The service's own reconciliation ({@code GET /api/v1/admin/reconciliation}), which
 * recomputes the fleet's figures from their sources: it must say {@code ok}. A service
 * without it (404) is said so, not failed.
 */
final class Reconciliation {

	private Reconciliation() {
	}

	/**
	 * Asserts that the reconciliation is ok where the service has one, and says what it
	 * found.
	 */
	static String check(Api api) {
		Api.Response response = api.get("/api/v1/admin/reconciliation", IntegrationTests.ADMIN_TOKEN);
		if (response.status() == 404) {
			return "not available (404)";
		}
		if (response.status() != 200 || response.body() == null || !response.body().path("ok").asBoolean(false)) {
			throw new AssertionError("The reconciliation is not ok: " + response);
		}
		return "ok (drift " + response.text("driftKm") + " km)";
	}

}
