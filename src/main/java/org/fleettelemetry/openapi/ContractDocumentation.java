package org.fleettelemetry.openapi;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Completes every operation of the document with what the contract says and the
 * controllers do not: which credentials it takes, the problem details it can answer with
 * ({@link ProblemResponses}), the bodies of the report endpoints, examples
 * ({@link ContractExamples}), the actuator's operations ({@link ActuatorOperations}), the
 * two shapes of the milestones' answer ({@link MilestoneAnswers}), and clear schema names
 * and fields ({@link SchemaFields}).
 */
class ContractDocumentation implements GlobalOpenApiCustomizer {

	private static final String ACTUATOR = ActuatorOperations.ACTUATOR;

	/** Boot's endpoints open to all; the rest of them need the admin token. */
	private static final List<String> PUBLIC_ACTUATOR = List.of("/actuator/health", "/actuator/health/liveness",
			"/actuator/health/readiness", "/actuator/info", "/actuator/prometheus");

	static final String SINGLE_REPORT = "POST /api/v1/vehicles/{vin}/reports";

	static final String RELEASE = "POST /api/v1/anomalies/{id}/release";

	/**
	 * Clearer names for the schemas of nested answer records, and for the actuator's
	 * links, which springdoc names after Boot's class.
	 */
	private static final Map<String, String> SCHEMA_NAMES = Map.of("Single", "ReportAnswer", "Batch", "BatchAnswer",
			"Item", "BatchItem", "Register", "VehicleRegistration", "Credentials", "VehicleCredentials", "Link",
			"ActuatorLink", "AnomalyView", "Anomaly");

	private final ContractExamples examples;

	ContractDocumentation(ContractExamples examples) {
		this.examples = examples;
	}

	@Override
	public void customise(OpenAPI openApi) {
		SchemaNames.rename(openApi, SCHEMA_NAMES);
		SchemaFields.complete(openApi.getComponents().getSchemas());
		openApi.getComponents()
			.addSchemas(ContractSchemas.PROBLEM, ContractSchemas.problem())
			.addSchemas(ContractSchemas.REPORT, ContractSchemas.report())
			.addSchemas(ContractSchemas.GATEWAY_REPORT, ContractSchemas.gatewayReport());
		if (openApi.getPaths() == null) {
			return;
		}
		ActuatorOperations.describe(openApi);
		MilestoneAnswers.describe(openApi);
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			String key = method.name() + " " + path;
			operation.setTags(List.of(tag(path)));
			operation.setSecurity(security(method, path));
			if (path.startsWith(ACTUATOR)) {
				// Boot's own endpoints: their errors are not problem details
				return;
			}
			describeReportBodies(key, operation);
			this.examples.describe(operation);
			ProblemResponses.add(key, path, operation, isPublic(method, path),
					(code, status) -> this.examples.problem(operation.getOperationId(), code, status));
		}));
	}

	/**
	 * Groups operations by what they are about: vehicles, reports, fleet, anomalies,
	 * milestones, webhooks.
	 */
	private static String tag(String path) {
		if (path.startsWith(ACTUATOR)) {
			return "operations";
		}
		if (path.contains("/reports")) {
			return "reports";
		}
		String[] segments = path.split("/");
		return (segments.length > 3) ? segments[3] : "service";
	}

	/**
	 * Fleet-wide reads are public; milestones take a token only for a vehicle's own; all
	 * else needs one.
	 */
	private static List<SecurityRequirement> security(PathItem.HttpMethod method, String path) {
		SecurityRequirement bearer = new SecurityRequirement().addList(OpenApiConfiguration.BEARER);
		if (method == PathItem.HttpMethod.GET
				&& (path.startsWith("/api/v1/fleet/") || PUBLIC_ACTUATOR.contains(path))) {
			return List.of();
		}
		if (method == PathItem.HttpMethod.GET && path.equals("/api/v1/milestones")) {
			return List.of(new SecurityRequirement(), bearer);
		}
		return List.of(bearer);
	}

	private static boolean isPublic(PathItem.HttpMethod method, String path) {
		List<SecurityRequirement> security = security(method, path);
		return security.isEmpty() || security.stream().anyMatch(Map::isEmpty);
	}

	private static void describeReportBodies(String key, Operation operation) {
		switch (key) {
			case SINGLE_REPORT -> {
				operation.setRequestBody(body(ContractSchemas.ref(ContractSchemas.REPORT)));
				ApiResponse answer = operation.getResponses().get("200");
				if (answer != null) {
					operation.getResponses().addApiResponse("201", copy(answer, "ACCEPTED: a new report, credited"));
					answer.setDescription("DUPLICATE: the same report again; nothing credited twice");
				}
			}
			case "POST /api/v1/vehicles/{vin}/reports/batch" ->
				operation.setRequestBody(body(ContractSchemas.batchOf(ContractSchemas.REPORT)));
			case "POST /api/v1/reports/batch" ->
				operation.setRequestBody(body(ContractSchemas.batchOf(ContractSchemas.GATEWAY_REPORT)));
			default -> {
			}
		}
	}

	private static RequestBody body(Schema<?> schema) {
		return new RequestBody().required(true)
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
					new MediaType().schema(schema)));
	}

	/** The same body, in media types of its own (each answer has its own examples). */
	private static ApiResponse copy(ApiResponse answer, String description) {
		Content content = new Content();
		answer.getContent()
			.forEach((type, media) -> content.addMediaType(type, new MediaType().schema(media.getSchema())));
		return new ApiResponse().description(description).content(content);
	}

}
