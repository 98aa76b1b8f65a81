package org.fleettelemetry.openapi;

import java.util.LinkedHashSet;
import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The answer of {@code listMilestones}: the array the fleet's milestones and a vehicle's
 * own always were, or the page of every vehicle's, which grows with the fleet. One
 * operation answers both, so the document says "one of" two named schemas: the page, and
 * the array under a name of its own ({@value #LIST}), which a Java client made with
 * openapi-generator's aliases as models holds as a class (its native library cannot hold
 * an unnamed array in a one-of), and a TypeScript client as {@code Array<MilestoneView>}.
 */
final class MilestoneAnswers {

	static final String OPERATION = "/api/v1/milestones";

	static final String ANSWER = "MilestoneAnswer";

	static final String LIST = "MilestoneList";

	static final String PAGE = "PageMilestoneView";

	private static final String ITEM = "MilestoneView";

	private MilestoneAnswers() {
	}

	static void describe(OpenAPI openApi) {
		PathItem path = openApi.getPaths().get(OPERATION);
		Operation operation = (path != null) ? path.getGet() : null;
		ApiResponse ok = (operation != null) ? operation.getResponses().get("200") : null;
		MediaType json = (ok != null && ok.getContent() != null)
				? ok.getContent().get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE) : null;
		if (json == null) {
			return;
		}
		openApi.getComponents()
			.addSchemas(LIST, list())
			.addSchemas(PAGE, page())
			.addSchemas(ANSWER, new ComposedSchema()
				.oneOf(List.of(ContractSchemas.ref(LIST), ContractSchemas.ref(PAGE)))
				.description("The milestones reached: an array for the fleet's (scope=FLEET) and a vehicle's own "
						+ "(scope=VEHICLE&vin=), a page for the latest of every vehicle (scope=VEHICLE without vin)"));
		json.setSchema(ContractSchemas.ref(ANSWER));
	}

	private static Schema<?> list() {
		return new ArraySchema().items(ContractSchemas.ref(ITEM))
			.description("The fleet's milestones, or a vehicle's own, in threshold order");
	}

	private static Schema<?> page() {
		return new ObjectSchema()
			.description("A page of every vehicle's milestones, the latest reached first (reachedAt, then the order "
					+ "they fired in)")
			.addProperty("items", new ArraySchema().items(ContractSchemas.ref(ITEM)))
			.addProperty("next",
					new Schema<String>().types(new LinkedHashSet<>(List.of("string", "null")))
						.description("The cursor of the next page; null on the last page"))
			.required(List.of("items", "next"));
	}

}
