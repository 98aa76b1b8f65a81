package org.fleettelemetry.ingestion;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import org.fleettelemetry.shared.FleetException;
import org.fleettelemetry.shared.Page;
import org.fleettelemetry.vehicles.Vin;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where vehicles and gateways post their reports. Who may post for which VIN is decided
 * by the security configuration.
 */
@RestController
@RequestMapping("/api/v1")
class ReportController {

	private final Ingestion ingestion;

	private final ReportHistory history;

	ReportController(Ingestion ingestion, ReportHistory history) {
		this.ingestion = ingestion;
		this.history = history;
	}

	@Operation(operationId = "listVehicleReports",
			summary = "List a vehicle's accepted reports as keyset pages, the latest recordedAt first")
	@GetMapping("/vehicles/{vin}/reports")
	Page<AcceptedReport> history(@PathVariable String vin,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String size,
			@RequestParam(required = false) @Nullable String cursor) {
		return this.history.page(Vin.check(vin), from, to, cursor, Page.size(size));
	}

	@Operation(operationId = "postReport", summary = "Post one trip or odometer report of a vehicle")
	@PostMapping("/vehicles/{vin}/reports")
	ResponseEntity<ReportAnswers.Single> report(@PathVariable String vin, @RequestBody JsonNode body) {
		Outcome outcome = this.ingestion.one(Vin.check(vin), body);
		return switch (outcome.status()) {
			case ACCEPTED -> ResponseEntity.status(HttpStatus.CREATED).body(ReportAnswers.Single.of(outcome));
			case DUPLICATE -> ResponseEntity.ok(ReportAnswers.Single.of(outcome));
			case REJECTED -> throw FleetException.rejected(outcome.code(), outcome.detail());
		};
	}

	@Operation(operationId = "postVehicleReports",
			summary = "Post up to 1,000 reports of one vehicle, judged one by one")
	@PostMapping("/vehicles/{vin}/reports/batch")
	ReportAnswers.Batch vehicleBatch(@PathVariable String vin, @RequestBody JsonNode body) {
		return ReportAnswers.Batch.of(this.ingestion.batch(Vin.check(vin), body));
	}

	@Operation(operationId = "postGatewayReports", summary = "Post up to 1,000 reports of many vehicles, as a gateway")
	@PostMapping("/reports/batch")
	ReportAnswers.Batch gatewayBatch(@RequestBody JsonNode body) {
		return ReportAnswers.Batch.of(this.ingestion.batch(null, body));
	}

}
