package org.fleettelemetry.milestones;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import org.fleettelemetry.security.Caller;
import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.shared.FleetException;
import org.fleettelemetry.vehicles.Vehicles;
import org.fleettelemetry.vehicles.Vin;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The milestones reached: the fleet's are public (the VINs masked but for the admin), a
 * vehicle's own need the admin's or that vehicle's token.
 */
@RestController
class MilestoneController {

	private final Milestones milestones;

	private final Vehicles vehicles;

	MilestoneController(Milestones milestones, Vehicles vehicles) {
		this.milestones = milestones;
		this.vehicles = vehicles;
	}

	@Operation(operationId = "listMilestones", summary = "List the fleet's milestones reached, or a vehicle's own")
	@GetMapping("/api/v1/milestones")
	List<MilestoneView> list(@RequestParam(defaultValue = "FLEET") String scope,
			@RequestParam(required = false) String vin, @AuthenticationPrincipal Caller caller) {
		MilestoneScope parsed = scope(scope);
		if (parsed == MilestoneScope.FLEET) {
			List<MilestoneView> fleet = this.milestones.list(MilestoneScope.FLEET, null);
			// the public sees which model crossed a threshold, not which car
			return Caller.seesWholeVins(caller) ? fleet : fleet.stream().map(MilestoneView::masked).toList();
		}
		if (vin == null) {
			throw FleetException.invalidField("vin", "is required with scope=VEHICLE");
		}
		String checked = Vin.check(vin);
		if (caller == null) {
			throw new FleetException(ErrorCode.UNAUTHORIZED,
					"A vehicle's milestones need Authorization: Bearer <token>");
		}
		if (!caller.mayRead(checked)) {
			throw new FleetException(ErrorCode.FORBIDDEN, "This token does not give access to vehicle " + checked);
		}
		if (!this.vehicles.exists(checked)) {
			throw FleetException.vehicleNotFound(checked);
		}
		return this.milestones.list(MilestoneScope.VEHICLE, checked);
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
