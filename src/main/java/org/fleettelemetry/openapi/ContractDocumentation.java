package org.fleettelemetry.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.web.Problems;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import static org.fleettelemetry.shared.ErrorCode.BATCH_TOO_LARGE;
import static org.fleettelemetry.shared.ErrorCode.FORBIDDEN;
import static org.fleettelemetry.shared.ErrorCode.IMPLAUSIBLE_DISTANCE;
import static org.fleettelemetry.shared.ErrorCode.INTERNAL_ERROR;
import static org.fleettelemetry.shared.ErrorCode.INVALID_FIELD;
import static org.fleettelemetry.shared.ErrorCode.MALFORMED_REQUEST;
import static org.fleettelemetry.shared.ErrorCode.NOT_FOUND;
import static org.fleettelemetry.shared.ErrorCode.ODOMETER_ROLLBACK;
import static org.fleettelemetry.shared.ErrorCode.PAYLOAD_TOO_LARGE;
import static org.fleettelemetry.shared.ErrorCode.REPORT_ID_CONFLICT;
import static org.fleettelemetry.shared.ErrorCode.RESET_OUT_OF_ORDER;
import static org.fleettelemetry.shared.ErrorCode.TIMESTAMP_IN_FUTURE;
import static org.fleettelemetry.shared.ErrorCode.UNAUTHORIZED;
import static org.fleettelemetry.shared.ErrorCode.UNSUPPORTED_MEDIA_TYPE;
import static org.fleettelemetry.shared.ErrorCode.VEHICLE_NOT_FOUND;
import static org.fleettelemetry.shared.ErrorCode.VIN_ALREADY_REGISTERED;

/**
 * Completes every operation of the document with what the contract says and the controllers do not:
 * which credentials it takes, the problem details it can answer with (by code, each under the status
 * {@link Problems} gives it), and the bodies of the report endpoints.
 */
class ContractDocumentation implements GlobalOpenApiCustomizer {

	private static final String ACTUATOR = "/actuator";

	/** Boot's endpoints open to all; the rest of them need the admin token. */
	private static final List<String> PUBLIC_ACTUATOR = List.of("/actuator/health", "/actuator/health/liveness",
			"/actuator/health/readiness", "/actuator/info", "/actuator/prometheus");

	private static final String SINGLE_REPORT = "POST /api/v1/vehicles/{vin}/reports";

	/** The codes particular to one operation, beyond those its shape implies. */
	private static final Map<String, List<ErrorCode>> PARTICULAR = Map.of(
			"POST /api/v1/vehicles", List.of(VIN_ALREADY_REGISTERED),
			"POST /api/v1/vehicles/{vin}/odometer-resets", List.of(RESET_OUT_OF_ORDER),
			SINGLE_REPORT, List.of(REPORT_ID_CONFLICT, ODOMETER_ROLLBACK, IMPLAUSIBLE_DISTANCE, TIMESTAMP_IN_FUTURE),
			"POST /api/v1/vehicles/{vin}/reports/batch", List.of(BATCH_TOO_LARGE),
			"POST /api/v1/reports/batch", List.of(BATCH_TOO_LARGE));

	/** Fields a request must have, which the request records do not say. */
	private static final Map<String, List<String>> REQUIRED = Map.of("Register", List.of("vin", "model", "country"),
			"OdometerReset", List.of("odometerKm", "effectiveAt"));

	@Override
	public void customise(OpenAPI openApi) {
		REQUIRED.forEach((name, fields) -> {
			io.swagger.v3.oas.models.media.Schema<?> schema = openApi.getComponents().getSchemas().get(name);
			if (schema != null) {
				schema.setRequired(fields);
			}
		});
		openApi.getComponents()
			.addSchemas(ContractSchemas.PROBLEM, ContractSchemas.problem())
			.addSchemas(ContractSchemas.REPORT, ContractSchemas.report())
			.addSchemas(ContractSchemas.GATEWAY_REPORT, ContractSchemas.gatewayReport());
		if (openApi.getPaths() == null) {
			return;
		}
		addHealthGroups(openApi);
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			String key = method.name() + " " + path;
			operation.setTags(List.of(tag(path)));
			operation.setSecurity(security(method, path));
			if (path.startsWith(ACTUATOR)) {
				// Boot's own endpoints, whose errors are not the service's problem details
				return;
			}
			describeReportBodies(key, operation);
			errors(key, method, path, operation).forEach((status, codes) -> addProblem(operation, status, codes));
		}));
	}

	/**
	 * The probes: springdoc shows {@code /actuator/health} only, not its groups.
	 */
	private static void addHealthGroups(OpenAPI openApi) {
		PathItem health = openApi.getPaths().get(ACTUATOR + "/health");
		if (health == null || health.getGet() == null) {
			return;
		}
		health.getGet().getResponses().addApiResponse("503", new ApiResponse().description("DOWN"));
		for (String group : List.of("liveness", "readiness")) {
			Operation probe = new Operation().operationId(group)
				.summary("The " + group + " probe: 200 while UP, 503 while DOWN"
						+ (group.equals("readiness") ? " (as while the database is unreachable)" : ""))
				.responses(health.getGet().getResponses());
			openApi.getPaths().addPathItem(ACTUATOR + "/health/" + group, new PathItem().get(probe));
		}
	}

	/**
	 * Groups operations by what they are about: vehicles, reports, fleet, anomalies, milestones, webhooks.
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
	 * Fleet-wide reads are public; milestones take a token only for a vehicle's own; all else needs one.
	 */
	private static List<SecurityRequirement> security(PathItem.HttpMethod method, String path) {
		SecurityRequirement bearer = new SecurityRequirement().addList(OpenApiConfiguration.BEARER);
		if (method == PathItem.HttpMethod.GET && (path.startsWith("/api/v1/fleet/") || PUBLIC_ACTUATOR.contains(path))) {
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

	/**
	 * The codes an operation can answer with, by HTTP status.
	 */
	private static Map<Integer, List<ErrorCode>> errors(String key, PathItem.HttpMethod method, String path,
			Operation operation) {
		List<ErrorCode> codes = new ArrayList<>();
		boolean hasQuery = operation.getParameters() != null
				&& operation.getParameters().stream().anyMatch((p) -> "query".equals(p.getIn()));
		if (operation.getRequestBody() != null) {
			codes.addAll(List.of(MALFORMED_REQUEST, INVALID_FIELD, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE));
		}
		else if (hasQuery || path.contains("{vin}")) {
			codes.add(INVALID_FIELD);
		}
		if (!isPublic(method, path)) {
			codes.addAll(List.of(UNAUTHORIZED, FORBIDDEN));
		}
		if (path.contains("{vin}")) {
			codes.add(VEHICLE_NOT_FOUND);
		}
		else if (path.matches(".*\\{[^}]*[iI]d}.*")) {
			codes.add(NOT_FOUND);
		}
		codes.addAll(PARTICULAR.getOrDefault(key, List.of()));
		codes.add(INTERNAL_ERROR);
		return codes.stream()
			.distinct()
			.collect(Collectors.groupingBy((code) -> Problems.status(code).value(), TreeMap::new, Collectors.toList()));
	}

	private static void addProblem(Operation operation, int status, List<ErrorCode> codes) {
		String description = codes.stream()
			.map((code) -> "`" + code.name() + "`: " + code.title())
			.collect(Collectors.joining("; "));
		Content content = new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
				new MediaType().schema(ContractSchemas.ref(ContractSchemas.PROBLEM)));
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		operation.getResponses().addApiResponse(Integer.toString(status), new ApiResponse().description(description).content(content));
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

	private static RequestBody body(io.swagger.v3.oas.models.media.Schema<?> schema) {
		return new RequestBody().required(true)
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
					new MediaType().schema(schema)));
	}

	private static ApiResponse copy(ApiResponse answer, String description) {
		return new ApiResponse().description(description).content(answer.getContent());
	}

}
