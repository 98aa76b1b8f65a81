package org.fleettelemetry.openapi;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The operations of Boot's actuator in the document: the probes, which springdoc leaves
 * out, and for each operation a name and a summary of this document's own, since
 * springdoc's ({@code links}, {@code scrape}) change with its versions and say little in
 * a generated client.
 */
final class ActuatorOperations {

	static final String ACTUATOR = "/actuator";

	private static final String HEALTH = ACTUATOR + "/health";

	/** The operation id and summary of each actuator path. */
	private static final Map<String, List<String>> NAMES = Map.of(ACTUATOR,
			List.of("listActuatorEndpoints", "List the actuator endpoints exposed"), HEALTH,
			List.of("getHealth", "Get the service's health: 200 while UP, 503 while DOWN"), HEALTH + "/liveness",
			List.of("getLiveness", "Get the liveness probe: 200 while UP, 503 while DOWN"), HEALTH + "/readiness",
			List.of("getReadiness", "Get the readiness probe: 200 while UP, 503 while DOWN"), ACTUATOR + "/info",
			List.of("getInfo", "Get what the service tells about itself"), ACTUATOR + "/prometheus",
			List.of("getPrometheusMetrics", "Get the metrics in Prometheus' text format"));

	private ActuatorOperations() {
	}

	static void describe(OpenAPI openApi) {
		addHealthGroups(openApi);
		openApi.getPaths().forEach((path, item) -> {
			List<String> name = NAMES.get(path);
			if (name != null) {
				item.readOperations().forEach((operation) -> operation.operationId(name.get(0)).summary(name.get(1)));
			}
		});
	}

	/**
	 * The probes: springdoc shows {@code /actuator/health} only, not its groups.
	 */
	private static void addHealthGroups(OpenAPI openApi) {
		PathItem health = openApi.getPaths().get(HEALTH);
		if (health == null || health.getGet() == null) {
			return;
		}
		health.getGet().getResponses().addApiResponse("503", new ApiResponse().description("DOWN"));
		openApi.getPaths()
			.addPathItem(HEALTH + "/liveness", probe(health, "Whether the service runs; restart it when DOWN"))
			.addPathItem(HEALTH + "/readiness", probe(health,
					"Whether the service can take requests; DOWN while the database is unreachable, for instance"));
	}

	private static PathItem probe(PathItem health, String description) {
		return new PathItem().get(new Operation().description(description).responses(health.getGet().getResponses()));
	}

}
