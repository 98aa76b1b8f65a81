package org.fleettelemetry.openapi;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.fleettelemetry.ingestion.Ingestion;
import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.vehicles.Vin;

/**
 * The schemas the controllers cannot show springdoc: the problem detail every error
 * answers with, and the reports, which the report endpoints read as raw JSON so that one
 * bad item of a batch spoils nothing.
 */
final class ContractSchemas {

	static final String PROBLEM = "Problem";

	static final String REPORT = "Report";

	static final String GATEWAY_REPORT = "GatewayReport";

	static final String VIN_PATTERN = "^" + Vin.PATTERN + "$";

	private ContractSchemas() {
	}

	static Schema<?> ref(String name) {
		return new Schema<>().$ref("#/components/schemas/" + name);
	}

	static Schema<?> problem() {
		return new ObjectSchema().description("An RFC 9457 problem detail (application/problem+json)")
			.addProperty("type", new StringSchema().format("uri").description("The problem type, stable per code"))
			.addProperty("title", new StringSchema().description("A short summary, the same for every occurrence"))
			.addProperty("status", new IntegerSchema().description("The HTTP status"))
			.addProperty("detail", new StringSchema().description("What went wrong this time"))
			.addProperty("instance", new StringSchema().format("uri").description("The request's path"))
			.addProperty("code",
					new StringSchema()._enum(Arrays.stream(ErrorCode.values()).map(Enum::name).toList())
						.description("The machine-readable error code"))
			.addProperty("field", new StringSchema().description("The offending field, for INVALID_FIELD"))
			.addProperty("traceId", new StringSchema().types(new LinkedHashSet<>(List.of("string", "null")))
				.pattern("^[0-9a-f]{32}$")
				.description("The request's trace id (W3C, the caller's traceparent continued), which every log "
						+ "line of the request carries; null only where Tomcat answers before taking the request in"))
			.required(List.of("type", "title", "status", "detail", "code", "traceId"));
	}

	static Schema<?> report() {
		return new ObjectSchema()
			.description("A trip or odometer report of one vehicle: its odometer in km or in miles (exactly one of "
					+ "odometerKm and odometerMi), a trip's distance likewise; any other field is 400 INVALID_FIELD")
			.addProperty("vin",
					new StringSchema().pattern(VIN_PATTERN)
						.description("Optional on a vehicle's own endpoints, where it must be the VIN of the path"))
			.addProperty("reportId",
					new StringSchema().minLength(1)
						.maxLength(64)
						.pattern("^[A-Za-z0-9._:-]+$")
						.description("Unique per vehicle; a rejected report does not take its id"))
			.addProperty("type", new StringSchema()._enum(List.of("TRIP", "ODOMETER")))
			.addProperty("startedAt", new DateTimeSchema().description("A trip's start, not after recordedAt"))
			.addProperty("recordedAt", new DateTimeSchema().description("A trip's end or a reading's time"))
			.addProperty("odometerKm", kilometres("The odometer reading"))
			.addProperty("odometerMi", miles("The odometer reading, instead of odometerKm"))
			.addProperty("distanceKm", kilometres("A trip's distance, for trip statistics (not credited)"))
			.addProperty("distanceMi", miles("A trip's distance, instead of distanceKm"))
			.addProperty("energyConsumedKwh",
					new NumberSchema().minimum(BigDecimal.ZERO).description("A trip's energy use"))
			.addProperty("energyRegeneratedKwh",
					new NumberSchema().minimum(BigDecimal.ZERO).description("A trip's energy recovered"))
			.additionalProperties(false)
			.required(List.of("reportId", "type", "recordedAt"));
	}

	static Schema<?> gatewayReport() {
		return new ComposedSchema().addAllOfItem(ref(REPORT))
			.addAllOfItem(new ObjectSchema().required(List.of("vin")))
			.description("A report relayed by a gateway: it names its vehicle");
	}

	static Schema<?> batchOf(String item) {
		return new ArraySchema().items(ref(item))
			.maxItems(Ingestion.MAX_BATCH)
			.description("Up to " + Ingestion.MAX_BATCH + " reports, in any order; more is 400 BATCH_TOO_LARGE");
	}

	private static Schema<?> miles(String description) {
		return new NumberSchema().minimum(BigDecimal.ZERO)
			.description(description + ", in miles (1 mi = 1.609344 km; each reading rounded to the metre)");
	}

	private static Schema<?> kilometres(String description) {
		return new NumberSchema().minimum(BigDecimal.ZERO).description(description + ", in km (3 decimals: metres)");
	}

}
