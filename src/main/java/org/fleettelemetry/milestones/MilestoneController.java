package org.fleettelemetry.milestones;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.fleettelemetry.security.Caller;
import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.shared.FleetException;
import org.fleettelemetry.shared.Page;
import org.fleettelemetry.vehicles.Vehicles;
import org.fleettelemetry.vehicles.Vin;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The milestones reached: the fleet's are public, and so is the page of the latest of
 * every vehicle (the VINs masked but for the admin); a vehicle's own need the admin's or
 * that vehicle's token.
 */
@RestController
class MilestoneController {

	private final Milestones milestones;

	private final Vehicles vehicles;

	MilestoneController(Milestones milestones, Vehicles vehicles) {
		this.milestones = milestones;
		this.vehicles = vehicles;
	}

	/**
	 * A list of milestones, or a page of them for the one list that grows with the fleet:
	 * the OpenAPI document describes the answer as one of the two (see
	 * org.fleettelemetry.openapi.MilestoneAnswers), the array staying what the fleet's
	 * and a vehicle's own always were.
	 */
	@Operation(operationId = "listMilestones",
			summary = "List the fleet's milestones, a vehicle's own, or a page of every vehicle's, the latest first",
			responses = @ApiResponse(responseCode = "200", description = "OK",
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							array = @ArraySchema(schema = @Schema(implementation = MilestoneView.class)))))
	@GetMapping("/api/v1/milestones")
	Object list(@RequestParam(defaultValue = "FLEET") String scope,
			@RequestParam(required = false) @Nullable String vin, @RequestParam(required = false) @Nullable String size,
			@RequestParam(required = false) @Nullable String cursor, @AuthenticationPrincipal @Nullable Caller caller) {
		MilestoneScope parsed = scope(scope);
		if (parsed == MilestoneScope.VEHICLE && vin == null) {
			Page<MilestoneView> page = this.milestones.vehiclePage(cursor, Page.size(size));
			return new Page<>(seenBy(caller, page.items()), page.next());
		}
		notPaged("size", size);
		notPaged("cursor", cursor);
		if (parsed == MilestoneScope.FLEET) {
			return seenBy(caller, this.milestones.list(MilestoneScope.FLEET, null));
		}
		return own(Vin.check(vin), caller);
	}

	private List<MilestoneView> own(String vin, @Nullable Caller caller) {
		if (caller == null) {
			throw new FleetException(ErrorCode.UNAUTHORIZED,
					"A vehicle's milestones need Authorization: Bearer <token>");
		}
		if (!caller.mayRead(vin)) {
			throw new FleetException(ErrorCode.FORBIDDEN, "This token does not give access to vehicle " + vin);
		}
		if (!this.vehicles.exists(vin)) {
			throw FleetException.vehicleNotFound(vin);
		}
		return this.milestones.list(MilestoneScope.VEHICLE, vin);
	}

	/**
	 * The milestones as {@code caller} may see them: the public sees which model crossed
	 * a threshold, not which car.
	 */
	private static List<MilestoneView> seenBy(@Nullable Caller caller, List<MilestoneView> milestones) {
		return Caller.seesWholeVins(caller) ? milestones : milestones.stream().map(MilestoneView::masked).toList();
	}

	/**
	 * Only the page of every vehicle's milestones is paged: elsewhere a page size or
	 * cursor would mislead.
	 */
	private static void notPaged(String parameter, @Nullable String value) {
		if (value != null) {
			throw FleetException.invalidField(parameter, "is only for the page of scope=VEHICLE without vin");
		}
	}

	private static MilestoneScope scope(String scope) {
		try {
			return MilestoneScope.valueOf(scope.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw FleetException.invalidField("scope", "must be FLEET or VEHICLE");
		}
	}

}
