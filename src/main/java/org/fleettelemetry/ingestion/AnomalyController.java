package org.fleettelemetry.ingestion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.fleettelemetry.shared.FleetException;
import org.fleettelemetry.shared.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.CurrentSecurityContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quarantine's review, for the admin: reports that could not be credited, newest
 * first, and their release or discard. The anomaly records the name of the credential
 * that resolved it.
 */
@RestController
@RequestMapping("/api/v1/anomalies")
class AnomalyController {

	private final QuarantineReview review;

	AnomalyController(QuarantineReview review) {
		this.review = review;
	}

	@Operation(operationId = "listAnomalies",
			summary = "List the quarantined reports as filtered keyset pages, newest first")
	@GetMapping
	Page<AnomalyView> list(@RequestParam(required = false) @Nullable String vin,
			@RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String size,
			@RequestParam(required = false) @Nullable String cursor,
			@Parameter(hidden = true) @RequestParam(required = false) @Nullable String limit) {
		if (limit != null) {
			// gone with the keyset pages: an old client must not get 100 items in silence
			throw FleetException.invalidField("limit", "is gone: the list is a page, give size (1 to " + Page.MAX_SIZE
					+ ") and the cursor of the page before");
		}
		return this.review.list(AnomalyFilter.of(vin, code, status), cursor, Page.size(size));
	}

	@Operation(operationId = "releaseAnomaly",
			summary = "Release a quarantined report: judged again without the check that stopped it, and credited")
	@PostMapping("/{id}/release")
	ReviewRequests.AnomalyReleased release(@Parameter(example = "42") @PathVariable long id,
			@RequestBody ReviewRequests.ReviewReason request,
			@Parameter(hidden = true) @CurrentSecurityContext(expression = "authentication.name") String caller) {
		return this.review.release(id, request, caller);
	}

	@Operation(operationId = "discardAnomaly", summary = "Discard a quarantined report: it is never credited")
	@PostMapping("/{id}/discard")
	ReviewRequests.AnomalyDiscarded discard(@Parameter(example = "42") @PathVariable long id,
			@RequestBody ReviewRequests.ReviewReason request,
			@Parameter(hidden = true) @CurrentSecurityContext(expression = "authentication.name") String caller) {
		return this.review.discard(id, request, caller);
	}

}
