package org.fleettelemetry.live;

import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import org.fleettelemetry.security.Caller;
import org.fleettelemetry.shared.FleetException;
import org.fleettelemetry.vehicles.Leader;
import org.fleettelemetry.vehicles.Leaders;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vehicles that have covered the most distance: public, with masked VINs unless the
 * caller sees them whole ({@link Caller#seesWholeVins}).
 */
@RestController
class LeaderController {

	private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

	private final Leaders leaders;

	LeaderController(Leaders leaders) {
		this.leaders = leaders;
	}

	@Operation(operationId = "getFleetLeaders", summary = "List the vehicles that have covered the most distance")
	@GetMapping("/api/v1/fleet/leaders")
	List<Leader> leaders(@RequestParam(required = false) @Nullable String country,
			@RequestParam(defaultValue = "10") int limit, @AuthenticationPrincipal @Nullable Caller caller) {
		if (country != null && !COUNTRY.matcher(country).matches()) {
			throw FleetException.invalidField("country", "must be an ISO 3166-1 alpha-2 code such as ES");
		}
		if (limit < 1 || limit > Leaders.MAX_LIMIT) {
			throw FleetException.invalidField("limit", "must be between 1 and " + Leaders.MAX_LIMIT);
		}
		List<Leader> top = this.leaders.top(country, limit);
		return Caller.seesWholeVins(caller) ? top : top.stream().map(Leader::masked).toList();
	}

}
