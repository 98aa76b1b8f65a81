package org.fleettelemetry.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.web.Problems;

import org.springframework.http.HttpHeaders;

import static org.fleettelemetry.shared.ErrorCode.ALREADY_DELIVERED;
import static org.fleettelemetry.shared.ErrorCode.ALREADY_RESOLVED;
import static org.fleettelemetry.shared.ErrorCode.ANOMALY_NOT_FOUND;
import static org.fleettelemetry.shared.ErrorCode.API_KEY_NOT_FOUND;
import static org.fleettelemetry.shared.ErrorCode.BATCH_TOO_LARGE;
import static org.fleettelemetry.shared.ErrorCode.DELIVERY_NOT_FOUND;
import static org.fleettelemetry.shared.ErrorCode.FORBIDDEN;
import static org.fleettelemetry.shared.ErrorCode.IMPLAUSIBLE_DISTANCE;
import static org.fleettelemetry.shared.ErrorCode.INTERNAL_ERROR;
import static org.fleettelemetry.shared.ErrorCode.INVALID_FIELD;
import static org.fleettelemetry.shared.ErrorCode.MALFORMED_REQUEST;
import static org.fleettelemetry.shared.ErrorCode.NOT_FOUND;
import static org.fleettelemetry.shared.ErrorCode.NOT_RELEASABLE;
import static org.fleettelemetry.shared.ErrorCode.ODOMETER_ROLLBACK;
import static org.fleettelemetry.shared.ErrorCode.OUTCOME_UNKNOWN;
import static org.fleettelemetry.shared.ErrorCode.PAYLOAD_TOO_LARGE;
import static org.fleettelemetry.shared.ErrorCode.REPORT_ID_CONFLICT;
import static org.fleettelemetry.shared.ErrorCode.RESET_OUT_OF_ORDER;
import static org.fleettelemetry.shared.ErrorCode.SERVICE_UNAVAILABLE;
import static org.fleettelemetry.shared.ErrorCode.TIMESTAMP_IN_FUTURE;
import static org.fleettelemetry.shared.ErrorCode.UNAUTHORIZED;
import static org.fleettelemetry.shared.ErrorCode.UNKNOWN_VEHICLE;
import static org.fleettelemetry.shared.ErrorCode.UNSUPPORTED_MEDIA_TYPE;
import static org.fleettelemetry.shared.ErrorCode.VEHICLE_NOT_FOUND;
import static org.fleettelemetry.shared.ErrorCode.VEHICLE_RETIRED;
import static org.fleettelemetry.shared.ErrorCode.VIN_ALREADY_REGISTERED;
import static org.fleettelemetry.shared.ErrorCode.WEBHOOK_NOT_FOUND;

/**
 * The problem details an operation can answer with: the codes its shape implies (a body,
 * a token, a VIN or an id in the path, query parameters), those particular to it, and
 * those of every operation ({@code SERVICE_UNAVAILABLE}, {@code INTERNAL_ERROR}), each
 * documented under the HTTP status {@link Problems} gives it.
 */
final class ProblemResponses {

	/** The codes particular to one operation, beyond those its shape implies. */
	private static final Map<String, List<ErrorCode>> PARTICULAR = Map.ofEntries(
			Map.entry("POST /api/v1/vehicles", List.of(VIN_ALREADY_REGISTERED)),
			Map.entry("POST /api/v1/vehicles/batch", List.of(BATCH_TOO_LARGE)),
			Map.entry("POST /api/v1/vehicles/{vin}/token", List.of(VEHICLE_RETIRED)),
			Map.entry("POST /api/v1/vehicles/{vin}/retire", List.of(VEHICLE_RETIRED)),
			Map.entry("POST /api/v1/vehicles/{vin}/odometer-resets", List.of(RESET_OUT_OF_ORDER, VEHICLE_RETIRED)),
			Map.entry(ContractDocumentation.SINGLE_REPORT,
					List.of(REPORT_ID_CONFLICT, ODOMETER_ROLLBACK, IMPLAUSIBLE_DISTANCE, TIMESTAMP_IN_FUTURE,
							UNKNOWN_VEHICLE, VEHICLE_RETIRED, OUTCOME_UNKNOWN)),
			Map.entry("POST /api/v1/vehicles/{vin}/reports/batch", List.of(BATCH_TOO_LARGE, OUTCOME_UNKNOWN)),
			Map.entry("POST /api/v1/reports/batch", List.of(BATCH_TOO_LARGE, OUTCOME_UNKNOWN)),
			// public, but a vehicle's milestones (scope=VEHICLE with vin) need its token
			Map.entry("GET /api/v1/milestones", List.of(UNAUTHORIZED, FORBIDDEN, VEHICLE_NOT_FOUND)),
			Map.entry(ContractDocumentation.RELEASE,
					List.of(ANOMALY_NOT_FOUND, ALREADY_RESOLVED, NOT_RELEASABLE, REPORT_ID_CONFLICT, ODOMETER_ROLLBACK,
							IMPLAUSIBLE_DISTANCE, VEHICLE_RETIRED)),
			Map.entry("POST /api/v1/anomalies/{id}/discard", List.of(ANOMALY_NOT_FOUND, ALREADY_RESOLVED)),
			Map.entry("DELETE /api/v1/webhooks/{id}", List.of(WEBHOOK_NOT_FOUND)),
			Map.entry("DELETE /api/v1/admin/keys/{id}", List.of(API_KEY_NOT_FOUND)),
			Map.entry("GET /api/v1/webhooks/{id}/deliveries", List.of(WEBHOOK_NOT_FOUND)),
			Map.entry("POST /api/v1/webhooks/{id}/deliveries/{eventId}/redeliver",
					List.of(WEBHOOK_NOT_FOUND, DELIVERY_NOT_FOUND, ALREADY_DELIVERED)));

	/**
	 * Codes an operation's shape implies that it never answers with: a gateway batch and
	 * a batch registration judge the fields of their items one by one, answering them as
	 * REJECTED items.
	 */
	private static final Map<String, List<ErrorCode>> NOT_ANSWERED = Map.of("POST /api/v1/reports/batch",
			List.of(INVALID_FIELD), "POST /api/v1/vehicles/batch", List.of(INVALID_FIELD));

	private ProblemResponses() {
	}

	/**
	 * Adds the error responses of the operation {@code key} ("METHOD /path"), each with
	 * an example of every code it lists (given the code and its status), where
	 * {@code examples} has one.
	 */
	static void add(String key, String path, Operation operation, boolean isPublic,
			BiFunction<ErrorCode, Integer, Optional<Example>> examples) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		codes(key, path, operation, isPublic).forEach((status, codes) -> operation.getResponses()
			.addApiResponse(Integer.toString(status),
					withHeaders(status, response(codes, (code) -> examples.apply(code, status)))));
	}

	/** A 503 says when to retry ({@link Problems#headers}). */
	private static ApiResponse withHeaders(int status, ApiResponse response) {
		if (status == 503) {
			response.addHeaderObject(HttpHeaders.RETRY_AFTER,
					new Header()
						.description(
								"Seconds after which to send the request again (at least 1); a retry is always safe")
						.schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE)));
		}
		return response;
	}

	private static Map<Integer, List<ErrorCode>> codes(String key, String path, Operation operation, boolean isPublic) {
		List<ErrorCode> codes = new ArrayList<>();
		boolean hasQuery = operation.getParameters() != null
				&& operation.getParameters().stream().anyMatch((p) -> "query".equals(p.getIn()));
		if (operation.getRequestBody() != null) {
			codes.addAll(List.of(MALFORMED_REQUEST, INVALID_FIELD, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE));
		}
		else if (hasQuery || path.contains("{vin}")) {
			codes.add(INVALID_FIELD);
		}
		if (!isPublic) {
			codes.addAll(List.of(UNAUTHORIZED, FORBIDDEN));
		}
		if (path.contains("{vin}")) {
			codes.add(VEHICLE_NOT_FOUND);
		}
		else if (path.matches(".*\\{[^}]*[iI]d}.*")) {
			codes.add(NOT_FOUND);
		}
		codes.addAll(PARTICULAR.getOrDefault(key, List.of()));
		codes.removeAll(NOT_ANSWERED.getOrDefault(key, List.of()));
		// with the database out of reach, any operation is 503 (the token check too)
		codes.add(SERVICE_UNAVAILABLE);
		codes.add(INTERNAL_ERROR);
		return codes.stream()
			.distinct()
			.collect(Collectors.groupingBy((code) -> status(key, code), TreeMap::new, Collectors.toList()));
	}

	/**
	 * A report that breaks a crediting rule is 422 whatever its code (a retired vehicle's
	 * too, where an action on one is 409), and so is a released one.
	 */
	private static int status(String key, ErrorCode code) {
		boolean rejectedReport = (key.equals(ContractDocumentation.SINGLE_REPORT)
				|| key.equals(ContractDocumentation.RELEASE)) && code.breaksCreditingRule();
		return (rejectedReport ? Problems.REJECTED_REPORT : Problems.status(code)).value();
	}

	private static ApiResponse response(List<ErrorCode> codes, Function<ErrorCode, Optional<Example>> examples) {
		String description = codes.stream()
			.map((code) -> "`" + code.name() + "`: " + code.title())
			.collect(Collectors.joining("; "));
		MediaType problem = new MediaType().schema(ContractSchemas.ref(ContractSchemas.PROBLEM));
		codes.forEach((code) -> examples.apply(code).ifPresent((example) -> problem.addExamples(code.name(), example)));
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					problem));
	}

}
