package org.fleettelemetry.openapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.fleettelemetry.support.IntegrationTests;
import org.fleettelemetry.support.ResourceLines;
import org.fleettelemetry.vehicles.Vin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.actuate.endpoint.web.Link;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiIntegrationTests extends IntegrationTests {

	static final String PROBLEM_REF = "#/components/schemas/Problem";

	/** Where the served document is written for the build's later checks (the pom's). */
	static final Path SERVED = Path.of(System.getProperty("openapi.served", "target/openapi/api-docs.json"));

	JsonNode document;

	@BeforeEach
	void readDocument() {
		var answer = this.api.get("/v3/api-docs", null);
		assertThat(answer.status()).isEqualTo(200);
		this.document = answer.body();
	}

	JsonNode operation(String method, String path) {
		return this.document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
	}

	/** Each operation of the service's own API (not the actuator's), with its name. */
	void apiOperations(BiConsumer<String, JsonNode> check) {
		this.document.path("paths")
			.properties()
			.stream()
			.filter((path) -> !path.getKey().startsWith("/actuator"))
			.forEach((path) -> path.getValue()
				.properties()
				.forEach((method) -> check.accept(method.getKey() + " " + path.getKey(), method.getValue())));
	}

	/** The examples of a JSON request body or answer. */
	static JsonNode examples(JsonNode bodyOrAnswer) {
		return bodyOrAnswer.path("content").path("application/json").path("examples");
	}

	@Test
	void describesEveryPathAndMethodOfTheContract() {
		List<String> endpoints = ResourceLines.of("/contract-endpoints.txt");
		assertThat(endpoints).hasSizeGreaterThanOrEqualTo(11);
		List<String> missing = new ArrayList<>();
		for (String endpoint : endpoints) {
			String[] parts = endpoint.split("\\s+");
			if (!operation(parts[0], parts[1]).isObject()) {
				missing.add(endpoint);
			}
		}
		assertThat(missing).as("contract endpoints missing from /v3/api-docs").isEmpty();
	}

	@Test
	void namesEachOperationAsTheContractDoes() {
		List<String> wrong = new ArrayList<>();
		for (String endpoint : ResourceLines.of("/contract-endpoints.txt")) {
			String[] parts = endpoint.split("\\s+");
			String id = operation(parts[0], parts[1]).path("operationId").asString();
			if (!id.equals(parts[2])) {
				wrong.add(endpoint + " is named " + id);
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void givesEveryOperationAUniqueIdAndAOneLineSummary() {
		List<String> ids = new ArrayList<>();
		this.document.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			String operation = method.getKey() + " " + path.getKey();
			ids.add(method.getValue().path("operationId").asString());
			assertThat(method.getValue().path("operationId").asString()).as(operation).matches("[a-z][A-Za-z]+");
			assertThat(method.getValue().path("summary").asString()).as(operation).isNotBlank().doesNotContain("\n");
		}));
		assertThat(ids).hasSizeGreaterThanOrEqualTo(22).doesNotHaveDuplicates();
	}

	@Test
	void describesTheBearerSchemeAndWhichOperationsNeedIt() {
		JsonNode scheme = this.document.path("components").path("securitySchemes").path("bearer");
		assertThat(scheme.path("type").asString()).isEqualTo("http");
		assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
		JsonNode register = operation("POST", "/api/v1/vehicles");
		assertThat(register.path("security").get(0).has("bearer")).isTrue();
		assertThat(register.path("responses").has("401")).isTrue();
		JsonNode summary = operation("GET", "/api/v1/fleet/summary");
		assertThat(summary.path("security").isArray() && summary.path("security").isEmpty()).isTrue();
		assertThat(summary.path("responses").has("401")).isFalse();
	}

	@Test
	void describesEveryErrorAsAProblemDetailWithItsCodes() {
		JsonNode problem = this.document.path("components").path("schemas").path("Problem");
		assertThat(problem.path("required").toString()).contains("\"code\"", "\"type\"", "\"title\"", "\"status\"");
		assertThat(problem.path("properties").path("code").path("enum").toString()).contains("VIN_ALREADY_REGISTERED",
				"ODOMETER_ROLLBACK", "PAYLOAD_TOO_LARGE");
		JsonNode conflict = operation("POST", "/api/v1/vehicles").path("responses").path("409");
		assertThat(conflict.path("description").asString()).contains("VIN_ALREADY_REGISTERED");
		this.document.path("paths")
			.properties()
			.stream()
			.filter((path) -> !path.getKey().startsWith("/actuator"))
			.forEach((path) -> path.getValue().properties().forEach((method) -> {
				JsonNode responses = method.getValue().path("responses");
				assertThat(responses.has("500")).as("%s %s answers 500", method.getKey(), path.getKey()).isTrue();
				// any operation answers 503 while the database is out of reach
				assertThat(responses.path("503").path("headers").has("Retry-After"))
					.as("%s %s answers 503 with Retry-After", method.getKey(), path.getKey())
					.isTrue();
				responses.properties()
					.stream()
					.filter((response) -> response.getKey().matches("[45]\\d\\d"))
					.forEach((response) -> assertThat(response.getValue()
						.path("content")
						.path("application/problem+json")
						.path("schema")
						.path("$ref")
						.asString()).as("%s %s %s", method.getKey(), path.getKey(), response.getKey())
						.isEqualTo(PROBLEM_REF));
			}));
	}

	@Test
	void describesTheReportBodiesAndAnswers() {
		JsonNode single = operation("POST", "/api/v1/vehicles/{vin}/reports");
		assertThat(single.path("requestBody")
			.path("content")
			.path("application/json")
			.path("schema")
			.path("$ref")
			.asString()).isEqualTo("#/components/schemas/Report");
		assertThat(single.path("responses").has("201")).isTrue();
		assertThat(single.path("responses").has("200")).isTrue();
		assertThat(single.path("responses").path("422").path("description").asString()).contains("ODOMETER_ROLLBACK",
				"IMPLAUSIBLE_DISTANCE", "TIMESTAMP_IN_FUTURE");
		assertThat(single.path("responses").path("409").path("description").asString()).contains("REPORT_ID_CONFLICT");
		JsonNode gateway = operation("POST", "/api/v1/reports/batch").path("requestBody")
			.path("content")
			.path("application/json")
			.path("schema");
		assertThat(gateway.path("maxItems").asInt()).isEqualTo(1000);
		assertThat(gateway.path("items").path("$ref").asString()).isEqualTo("#/components/schemas/GatewayReport");
		JsonNode report = this.document.path("components").path("schemas").path("Report");
		assertThat(report.path("required").toString()).contains("reportId", "type", "recordedAt");
		// the odometer in km or in miles, exactly one of them; nothing else
		assertThat(report.path("properties").has("odometerKm")).isTrue();
		assertThat(report.path("properties").has("odometerMi")).isTrue();
		assertThat(report.path("properties").has("distanceMi")).isTrue();
		assertThat(report.path("additionalProperties").asBoolean(true)).isFalse();
	}

	@Test
	void describesNoFrameworkTypeAsASchema() {
		JsonNode schemas = this.document.path("components").path("schemas");
		List<String> frameworkTypes = Stream
			.of(JsonNode.class, ObjectNode.class, ArrayNode.class, Link.class, ProblemDetail.class,
					ResponseEntity.class)
			.map(Class::getSimpleName)
			.toList();
		assertThat(schemas.propertyNames()).isNotEmpty().doesNotContainAnyElementsOf(frameworkTypes);
		// what springdoc makes of a class it does not know: its accessors as properties
		assertThat(this.document.findValues("nodeType")).isEmpty();
		assertThat(schemas.path("Anomaly").path("properties").path("report").path("$ref").asString())
			.isEqualTo("#/components/schemas/Report");
	}

	@Test
	void showsEachReportOutcomeInAnExampleOfItsOwn() {
		JsonNode single = operation("POST", "/api/v1/vehicles/{vin}/reports");
		assertThat(examples(single.path("responses").path("201")).findValuesAsString("status"))
			.containsOnly("ACCEPTED");
		assertThat(examples(single.path("responses").path("200")).findValuesAsString("status"))
			.containsOnly("DUPLICATE");
		JsonNode batch = examples(
				operation("POST", "/api/v1/vehicles/{vin}/reports/batch").path("responses").path("200"));
		assertThat(batch.findValuesAsString("status")).contains("ACCEPTED", "DUPLICATE", "REJECTED");
		JsonNode trip = examples(single.path("requestBody")).path("trip").path("value");
		assertThat(trip.path("type").asString()).isEqualTo("TRIP");
		assertThat(trip.path("distanceKm").decimalValue()).isEqualByComparingTo("12.3");
		assertThat(single.path("parameters").findValue("example").asString()).isEqualTo("SJNFAAZE0U6000001")
			.matches(Vin.PATTERN);
	}

	@Test
	void givesAnExampleOfEachJsonBodyAndAnswer() {
		apiOperations((name, operation) -> {
			if (operation.path("requestBody").isObject()) {
				assertThat(examples(operation.path("requestBody")).size()).as("%s body", name).isPositive();
			}
			operation.path("responses").properties().forEach((answer) -> {
				// JSON answers: the stream's events have an example of their own (below)
				if (answer.getKey().startsWith("2")
						&& answer.getValue().path("content").path("application/json").isObject()) {
					assertThat(examples(answer.getValue()).size()).as("%s %s", name, answer.getKey()).isPositive();
				}
			});
		});
	}

	@Test
	void describesTheStreamAsServerSentEventsWithAnExample() {
		JsonNode stream = this.document.path("paths").path("/api/v1/fleet/stream").path("get");
		JsonNode events = stream.path("responses").path("200").path("content").path("text/event-stream");
		assertThat(events.path("examples").path("stream").path("value").asString()).contains("event:summary",
				"event:milestone");
	}

	@Test
	void givesAnExampleOfEachProblemAnOperationAnswersWith() {
		apiOperations((name, operation) -> operation.path("responses").properties().forEach((answer) -> {
			if (!answer.getKey().matches("[45]\\d\\d")) {
				return;
			}
			List<String> codes = Pattern.compile("`([A-Z_]+)`")
				.matcher(answer.getValue().path("description").asString())
				.results()
				.map((code) -> code.group(1))
				.toList();
			JsonNode examples = answer.getValue().path("content").path("application/problem+json").path("examples");
			assertThat(examples.propertyNames()).as("%s %s", name, answer.getKey())
				.containsExactlyInAnyOrderElementsOf(codes);
			examples.properties().forEach((example) -> {
				JsonNode problem = example.getValue().path("value");
				assertThat(problem.path("code").asString()).isEqualTo(example.getKey());
				assertThat(problem.path("status").asInt()).isEqualTo(Integer.parseInt(answer.getKey()));
				assertThat(List.of(problem.path("type").asString(), problem.path("title").asString(),
						problem.path("detail").asString()))
					.as("%s %s", name, example.getKey())
					.allSatisfy((text) -> assertThat(text).isNotBlank());
			});
		}));
	}

	@Test
	void describesTheFleetFiguresWrittenAheadAsTheirRecords() {
		JsonNode summary = operation("GET", "/api/v1/fleet/summary").path("responses");
		assertThat(summary.path("200").path("content").path("application/json").path("schema").path("$ref").asString())
			.isEqualTo("#/components/schemas/FleetSummary");
		assertThat(summary.path("503").path("description").asString()).contains("SERVICE_UNAVAILABLE");
		assertThat(this.document.path("components")
			.path("schemas")
			.path("FleetSummary")
			.path("properties")
			.propertyNames()).contains("distanceKm", "reportingVehicles30d", "lastMilestone", "nextMilestone", "asOf");
		JsonNode countries = operation("GET", "/api/v1/fleet/countries").path("responses")
			.path("200")
			.path("content")
			.path("application/json")
			.path("schema");
		assertThat(countries.path("type").asString()).isEqualTo("array");
		assertThat(countries.path("items").path("$ref").asString()).isEqualTo("#/components/schemas/CountryFigures");
	}

	@Test
	void namesTheReportAnswersClearlyAndLeavesNoReferenceDangling() {
		JsonNode single = operation("POST", "/api/v1/vehicles/{vin}/reports").path("responses");
		assertThat(single.path("201").path("content").findValue("$ref").asString())
			.isEqualTo("#/components/schemas/ReportAnswer");
		JsonNode schemas = this.document.path("components").path("schemas");
		assertThat(schemas.path("BatchAnswer").path("properties").path("results").path("items").path("$ref").asString())
			.isEqualTo("#/components/schemas/BatchItem");
		assertThat(schemas.path("VehicleRegistration").path("required").toString()).contains("vin", "model", "country");
		assertThat(this.document.findValues("$ref")).hasSizeGreaterThan(10);
		List<String> dangling = this.document.findValues("$ref")
			.stream()
			.map(JsonNode::asString)
			.filter((ref) -> !schemas.has(ref.substring(ref.lastIndexOf('/') + 1)))
			.toList();
		assertThat(dangling).isEmpty();
	}

	/**
	 * The document as served, for the client generators and the checks the build runs
	 * after the tests (see the pom and {@link GeneratedClientsIT}).
	 */
	@Test
	void writesTheServedDocumentForTheClientGenerators() throws IOException {
		String served = this.api.text("/v3/api-docs");
		Files.createDirectories(SERVED.getParent());
		Files.writeString(SERVED, served);
		assertThat(Files.readString(SERVED)).contains("\"openapi\"", "\"/api/v1/vehicles\"");
	}

	@Test
	void servesTheSwaggerUi() throws IOException, InterruptedException {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/swagger-ui/index.html"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
	}

}
