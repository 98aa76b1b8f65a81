package org.fleettelemetry.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the plans PostgreSQL gives for {@code explain (analyze, buffers, format json)}:
 * what the plan tests assert on, rather than on timings.
 */
public final class QueryPlans {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private QueryPlans() {
	}

	/** The top node of the plan that {@code explain} answered with. */
	public static JsonNode of(String explained) {
		return JSON.readTree(explained).get(0).get("Plan");
	}

	/** The pages of the database a plan run read, from the cache or not. */
	public static long pagesRead(JsonNode plan) {
		return plan.get("Shared Hit Blocks").asLong() + plan.get("Shared Read Blocks").asLong();
	}

	/**
	 * The plan's nodes, each with its table, index and index condition, the children
	 * after their parent: {@code Limit / Index Scan on reports using ... (...)}.
	 */
	public static String nodes(JsonNode plan) {
		StringBuilder all = new StringBuilder(plan.get("Node Type").asString());
		if (plan.has("Relation Name")) {
			all.append(" on ").append(plan.get("Relation Name").asString());
		}
		if (plan.has("Index Name")) {
			all.append(" using ").append(plan.get("Index Name").asString());
		}
		if (plan.has("Index Cond")) {
			all.append(" (").append(plan.get("Index Cond").asString()).append(')');
		}
		if (plan.has("Plans")) {
			plan.get("Plans").forEach((child) -> all.append(" / ").append(nodes(child)));
		}
		return all.toString();
	}

}
