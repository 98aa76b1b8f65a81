package org.fleettelemetry.vehicles;

import java.util.List;

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

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	VehicleRequests.Credentials register(@RequestBody VehicleRequests.Register request) {
		return this.registrations.register(request);
	}

	@PostMapping("/batch")
	List<VehicleRequests.Registered> registerAll(@RequestBody List<VehicleRequests.Register> requests) {
		return this.registrations.registerAll(requests);
	}

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

	@GetMapping("/{vin}")
	VehicleView vehicle(@PathVariable String vin) {
		return this.vehicles.view(Vin.check(vin));
	}

	@PostMapping("/{vin}/token")
	VehicleRequests.Credentials rotateToken(@PathVariable String vin) {
		return this.vehicles.rotateToken(Vin.check(vin));
	}

	@PostMapping("/{vin}/retire")
	VehicleView retire(@PathVariable String vin, @RequestBody VehicleRequests.Retirement retirement) {
		return this.vehicles.retire(Vin.check(vin), retirement);
	}

	@PostMapping("/{vin}/odometer-resets")
	@ResponseStatus(HttpStatus.CREATED)
	VehicleRequests.OdometerResetDone resetOdometer(@PathVariable String vin,
			@RequestBody VehicleRequests.OdometerReset reset) {
		return this.vehicles.resetOdometer(Vin.check(vin), reset);
	}

}
