package org.fleettelemetry.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at
 * {@code /swagger-ui/index.html}): what springdoc reads from the controllers, completed
 * by {@link ContractDocumentation} with what the controllers do not say (credentials,
 * error responses, report bodies).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearer";

	static {
		// Jackson 3's tree is unknown to springdoc, which would describe it as a bean
		// (isArray, nodeType, ...) under the name JsonNode: a schema a Java client cannot
		// tell from Jackson's own class. Where the service reads or keeps JSON as it came
		// (the reports), it is a JSON object; the document says which.
		SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
	}

	@Bean
	OpenAPI fleetTelemetryOpenApi() {
		return new OpenAPI().info(new Info().title("Fleet telemetry").version("v1").description("""
				Counts how far an electric fleet has driven, and the CO2 that saved. Vehicles and gateways \
				post odometer and trip reports; every kilometre is credited exactly once. Distances are \
				kilometres precise to the metre (3 decimals); a field without a value is written as null. \
				Every error is an RFC 9457 problem detail with a machine-readable `code`."""))
			.components(new Components().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("bearer")
				.description("""
						The admin token (fleet.admin.token), the gateway token (fleet.gateway.token, for \
						POST /api/v1/reports/batch), an API key (fk_..., see /api/v1/admin/keys: an ADMIN key \
						acts as the admin token, a GATEWAY key as the gateway token, a READ key makes every GET \
						the admin token may and nothing else) or a vehicle's own token, issued at registration.""")));
	}

	@Bean
	ContractDocumentation contractDocumentation() {
		return new ContractDocumentation(ContractExamples.load());
	}

}
