package org.fleettelemetry.vehicles;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.fleettelemetry.shared.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

	private final Registrations registrations;

	VehicleController(Vehicles vehicles, Registrations registrations) {
		this.vehicles = vehicles;
		this.registrations = registrations;
	}

	@Operation(operationId = "registerVehicle", summary = "Register a vehicle and issue its token")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	VehicleRequests.Credentials register(@RequestBody VehicleRequests.Register request) {
		return this.registrations.register(request);
	}

	@Operation(operationId = "registerVehicles",
			summary = "Register up to 1,000 vehicles, each answered in order; idempotent by VIN")
	@PostMapping("/batch")
	List<VehicleRequests.Registered> registerAll(@RequestBody List<VehicleRequests.Register> requests) {
		return this.registrations.registerAll(requests);
	}

	@Operation(operationId = "listVehicles", summary = "List the vehicles as filtered, sorted keyset pages")
	@GetMapping
	Page<VehicleView> list(@RequestParam(required = false) @Nullable String country,
			@RequestParam(required = false) @Nullable String model,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String vinPrefix,
			@RequestParam(required = false) @Nullable String reportedSince,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String size,
			@RequestParam(required = false) @Nullable String cursor) {
		return this.vehicles.list(VehicleFilter.of(country, model, status, vinPrefix, reportedSince),
				VehicleOrder.parse(sort), cursor, Page.size(size));
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

	@Operation(operationId = "retireVehicle",
			summary = "Retire a vehicle: out of the active fleet, its distance and reports kept")
	@PostMapping("/{vin}/retire")
	VehicleView retire(@PathVariable String vin, @RequestBody VehicleRequests.Retirement retirement) {
		return this.vehicles.retire(Vin.check(vin), retirement);
	}

	@Operation(operationId = "resetOdometer", summary = "Record that a vehicle's odometer was replaced")
	@PostMapping("/{vin}/odometer-resets")
	@ResponseStatus(HttpStatus.CREATED)
	VehicleRequests.OdometerResetDone resetOdometer(@PathVariable String vin,
			@RequestBody VehicleRequests.OdometerReset reset) {
		return this.vehicles.resetOdometer(Vin.check(vin), reset);
	}

}
