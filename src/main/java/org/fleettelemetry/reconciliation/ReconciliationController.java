package org.fleettelemetry.reconciliation;

import java.time.Clock;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reconciliation on request, for the admin: after a restore, an upgrade or an alert, to
 * see whether the fleet's figures still equal their sources.
 */
@RestController
class ReconciliationController {

	private final Reconciler reconciler;

	private final Clock clock;

	ReconciliationController(Reconciler reconciler, Clock clock) {
		this.reconciler = reconciler;
		this.clock = clock;
	}

	/**
	 * Recomputes and compares, now. {@code checkedAt} is taken before the snapshot, so
	 * every report answered before it is in the figures.
	 */
	@Operation(operationId = "getReconciliation",
			summary = "Recompute the fleet's distance from its sources in one snapshot and compare")
	@GetMapping(path = "/api/v1/admin/reconciliation", produces = MediaType.APPLICATION_JSON_VALUE)
	Reconciliation reconcile() {
		Instant checkedAt = this.clock.instant();
		return Reconciliation.of(this.reconciler.sums(), checkedAt);
	}

}
