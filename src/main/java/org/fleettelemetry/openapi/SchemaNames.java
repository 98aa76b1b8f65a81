package org.fleettelemetry.openapi;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Renames component schemas, and every reference to them: springdoc names a schema after
 * its class, and the answers of the report endpoints are nested records with names
 * ({@code Single}, {@code Batch}) that say little outside their class.
 */
final class SchemaNames {

	private static final String PREFIX = "#/components/schemas/";

	private SchemaNames() {
	}

	static void rename(OpenAPI openApi, Map<String, String> names) {
		Map<String, Schema> schemas = openApi.getComponents().getSchemas();
		if (schemas == null) {
			return;
		}
		names.forEach((from, to) -> {
			Schema<?> schema = schemas.remove(from);
			if (schema != null) {
				schemas.put(to, schema);
			}
		});
		schemas.values().forEach((schema) -> fix(schema, names));
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().values().forEach((item) -> item.readOperations().forEach((operation) -> {
			if (operation.getRequestBody() != null) {
				fix(operation.getRequestBody().getContent(), names);
			}
			if (operation.getResponses() != null) {
				operation.getResponses().values().forEach((response) -> fix(response.getContent(), names));
			}
		}));
	}

	private static void fix(Content content, Map<String, String> names) {
		if (content != null) {
			content.values().stream().map(MediaType::getSchema).forEach((schema) -> fix(schema, names));
		}
	}

	private static void fix(Schema<?> schema, Map<String, String> names) {
		if (schema == null) {
			return;
		}
		String ref = schema.get$ref();
		if (ref != null && ref.startsWith(PREFIX) && names.containsKey(ref.substring(PREFIX.length()))) {
			schema.set$ref(PREFIX + names.get(ref.substring(PREFIX.length())));
		}
		if (schema.getProperties() != null) {
			schema.getProperties().values().forEach((property) -> fix(property, names));
		}
		Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())
			.filter(Objects::nonNull)
			.flatMap(List::stream)
			.forEach((part) -> fix(part, names));
		fix(schema.getItems(), names);
		if (schema.getAdditionalProperties() instanceof Schema<?> values) {
			fix(values, names);
		}
	}

}
