package org.fleettelemetry.vehicles;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registration and upkeep of vehicles. Who may call what is decided by the security
 * configuration.
 */
@RestController
@RequestMapping("/api/v1/vehicles")
class VehicleController {

	private final Vehicles vehicles;

	VehicleController(Vehicles vehicles) {
		this.vehicles = vehicles;
	}

	@Operation(operationId = "registerVehicle", summary = "Register a vehicle and issue its token")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	VehicleRequests.Credentials register(@RequestBody VehicleRequests.Register request) {
		return this.vehicles.register(request);
	}

	@Operation(operationId = "getVehicle", summary = "Get a vehicle's odometer, credited distance and trip figures")
	@GetMapping("/{vin}")
	VehicleView vehicle(@PathVariable String vin) {
		return this.vehicles.view(Vin.check(vin));
	}

	@Operation(operationId = "rotateVehicleToken", summary = "Issue a vehicle a new token; the old one stops working")
	@PostMapping("/{vin}/token")
	VehicleRequests.Credentials rotateToken(@PathVariable String vin) {
		return this.vehicles.rotateToken(Vin.check(vin));
	}

	@Operation(operationId = "resetOdometer", summary = "Record that a vehicle's odometer was replaced")
	@PostMapping("/{vin}/odometer-resets")
	@ResponseStatus(HttpStatus.CREATED)
	VehicleRequests.OdometerResetDone resetOdometer(@PathVariable String vin,
			@RequestBody VehicleRequests.OdometerReset reset) {
		return this.vehicles.resetOdometer(Vin.check(vin), reset);
	}

}
