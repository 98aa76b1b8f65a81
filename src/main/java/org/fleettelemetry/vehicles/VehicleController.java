package org.fleettelemetry.vehicles;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.fleettelemetry.shared.DayRange;
import org.fleettelemetry.shared.Page;
import org.fleettelemetry.web.CsvMessageConverter;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

	private final VehicleDays days;

	private final Clock clock;

	/** What a vehicle's daily series looks like as CSV (RFC 4180, UTF-8). */
	private static final String DAILY_CSV = """
			date,distanceKm,co2AvoidedKg,trips,energyConsumedKwh,energyRegeneratedKwh
			2014-09-29,0.000,0.000,0,0.000,0.000
			2014-09-30,48.250,8.203,3,7.400,1.150
			""";

	VehicleController(Vehicles vehicles, Registrations registrations, VehicleDays days, Clock clock) {
		this.vehicles = vehicles;
		this.registrations = registrations;
		this.days = days;
		this.clock = clock;
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

	/**
	 * Days from {@code from} to {@code to} inclusive; by default the last 30 days.
	 */
	@Operation(operationId = "getVehicleDaily",
			summary = "Get a vehicle's distance, CO2 avoided, trips and energy day by day")
	@ApiResponse(responseCode = "200", description = "OK; CSV with Accept: text/csv",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							array = @ArraySchema(schema = @Schema(implementation = VehicleDay.class))),
					@Content(mediaType = CsvMessageConverter.TEXT_CSV_VALUE, schema = @Schema(type = "string"),
							examples = @ExampleObject(name = "csv", summary = "Two days, the header first",
									value = DAILY_CSV)) })
	@GetMapping(path = "/{vin}/daily", produces = MediaType.APPLICATION_JSON_VALUE)
	List<VehicleDay> daily(@PathVariable String vin,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return this.days.daily(Vin.check(vin), DayRange.of(from, to, this.clock));
	}

	/**
	 * A vehicle's daily series as CSV, for a spreadsheet.
	 */
	@Operation(hidden = true)
	@GetMapping(path = "/{vin}/daily", produces = CsvMessageConverter.TEXT_CSV_VALUE)
	List<VehicleDay> dailyAsCsv(@PathVariable String vin,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return daily(vin, from, to);
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
