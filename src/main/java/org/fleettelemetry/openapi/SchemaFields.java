package org.fleettelemetry.openapi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.swagger.v3.oas.models.media.Schema;

/**
 * What the request and answer records do not say about their fields: which a request must
 * have, and which an answer writes as {@code null} (never leaving them out).
 */
final class SchemaFields {

	private static final Map<String, List<String>> REQUIRED = Map.of("VehicleRegistration",
			List.of("vin", "model", "country"), "OdometerReset", List.of("effectiveAt"), "Retirement",
			List.of("reason"), "ReviewReason", List.of("reason"), "ApiKeyRequest", List.of("name", "scope"));

	/**
	 * The plain fields an answer writes as null when it has no value for them (a rejected
	 * report credits nothing, a vehicle without trips has no km per kWh), and the
	 * optional fields a request may give as null.
	 */
	private static final Map<String, List<String>> NULLABLE = Map.ofEntries(
			Map.entry("BatchItem", List.of("reportId", "creditedKm", "code", "detail")),
			Map.entry("VehicleView", List.of("odometerKm", "kmPerKwh", "lastReportAt", "retiredAt")),
			Map.entry("NextMilestone", List.of("projectedAt")),
			Map.entry("WebhookDelivery", List.of("lastAttemptAt", "lastStatus")),
			Map.entry("VehicleRegistration", List.of("odometerKm", "odometerMi")),
			Map.entry("OdometerReset", List.of("odometerKm", "odometerMi")),
			Map.entry("Registered", List.of("vin", "token", "code", "detail")),
			Map.entry("AcceptedReport",
					List.of("startedAt", "distanceKm", "energyConsumedKwh", "energyRegeneratedKwh")),
			Map.entry("PageVehicleView", List.of("next")), Map.entry("PageAcceptedReport", List.of("next")),
			Map.entry("PageWebhookDelivery", List.of("next")),
			Map.entry("Anomaly", List.of("resolvedAt", "reason", "creditedKm")),
			Map.entry("PageAnomalyView", List.of("next")), Map.entry("ApiKeyRequest", List.of("expiresAt")),
			Map.entry("ApiKeyCreated", List.of("expiresAt")),
			Map.entry("ApiKeyView", List.of("expiresAt", "revokedAt")), Map.entry("PageApiKeyView", List.of("next")));

	private SchemaFields() {
	}

	static void complete(Map<String, Schema> schemas) {
		REQUIRED.forEach((name, fields) -> with(schemas.get(name), (schema) -> schema.setRequired(fields)));
		NULLABLE.forEach((name, fields) -> with(schemas.get(name), (schema) -> fields
			.forEach((field) -> with(schema.getProperties().get(field), SchemaFields::nullable))));
	}

	/** In OpenAPI 3.1, null is one more type a value may have. */
	private static void nullable(Schema<?> property) {
		Set<String> types = new LinkedHashSet<>(
				(property.getTypes() != null) ? property.getTypes() : Set.of(property.getType()));
		types.add("null");
		property.setTypes(types);
	}

	private static void with(Schema<?> schema, Consumer<Schema<?>> action) {
		if (schema != null) {
			action.accept(schema);
		}
	}

}
