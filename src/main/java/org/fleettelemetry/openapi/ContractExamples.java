package org.fleettelemetry.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.fleettelemetry.shared.ErrorCode;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * The document's examples, kept as JSON in {@value #RESOURCE}: for each operation (by its
 * id) its request bodies and answers, and the detail of the problems it answers with
 * where another operation's would not fit; the detail of each problem code otherwise; a
 * value for each path or query parameter by name.
 */
final class ContractExamples {

	static final String RESOURCE = "openapi/examples.json";

	private final Examples examples;

	private ContractExamples(Examples examples) {
		this.examples = examples;
	}

	static ContractExamples load() {
		// numbers as written (12.300, 0.0), not as doubles (3.0E9)
		JsonMapper json = JsonMapper.builder()
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS,
					DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			return new ContractExamples(json.readValue(in, Examples.class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Adds the examples of the operation's parameters, request body and answers.
	 */
	void describe(Operation operation) {
		if (operation.getParameters() != null) {
			operation.getParameters()
				.stream()
				.filter((parameter) -> parameter.getExample() == null)
				.forEach((parameter) -> parameter.setExample(this.examples.parameters().get(parameter.getName())));
		}
		OperationExamples mine = this.examples.operations().get(operation.getOperationId());
		if (mine == null) {
			return;
		}
		if (operation.getRequestBody() != null) {
			add(operation.getRequestBody().getContent(), mine.request());
		}
		mine.responses().forEach((status, samples) -> {
			ApiResponse answer = operation.getResponses().get(status);
			if (answer != null) {
				add(answer.getContent(), samples);
			}
		});
	}

	/**
	 * The problem detail the operation answers {@code code} with (with {@code status}),
	 * as an example, if there is one.
	 */
	Optional<Example> problem(String operationId, ErrorCode code, int status) {
		OperationExamples mine = this.examples.operations().get(operationId);
		ProblemSample sample = (mine != null) ? mine.problems().get(code) : null;
		sample = (sample != null) ? sample : this.examples.problems().get(code);
		return Optional.ofNullable(sample).map((problem) -> problem.example(code, status));
	}

	private static void add(Content content, Map<String, Sample> samples) {
		if (content != null && !samples.isEmpty()) {
			// the samples are JSON; another media type (CSV) carries its own example
			content.entrySet()
				.stream()
				.filter((media) -> media.getKey().contains("json"))
				.forEach((media) -> samples
					.forEach((name, sample) -> media.getValue().addExamples(name, sample.example())));
		}
	}

	/**
	 * The examples file.
	 *
	 * @param parameters a value for each parameter, by name
	 * @param problems the detail of each problem code
	 * @param operations the examples of each operation, by its id
	 */
	record Examples(Map<String, String> parameters, Map<ErrorCode, ProblemSample> problems,
			Map<String, OperationExamples> operations) {

		Examples {
			parameters = Objects.requireNonNullElse(parameters, Map.of());
			problems = Objects.requireNonNullElse(problems, Map.of());
			operations = Objects.requireNonNullElse(operations, Map.of());
		}

	}

	/**
	 * The examples of one operation.
	 *
	 * @param request its request bodies, by name
	 * @param responses its answers, by status and name
	 * @param problems its own detail of a problem code, where the general one would not
	 * fit
	 */
	record OperationExamples(Map<String, Sample> request, Map<String, Map<String, Sample>> responses,
			Map<ErrorCode, ProblemSample> problems) {

		OperationExamples {
			request = Objects.requireNonNullElse(request, Map.of());
			responses = Objects.requireNonNullElse(responses, Map.of());
			problems = Objects.requireNonNullElse(problems, Map.of());
		}

	}

	/**
	 * One example.
	 *
	 * @param summary what it shows, in a line
	 * @param value the JSON, as maps, lists and plain values
	 */
	record Sample(String summary, Object value) {

		Example example() {
			return new Example().summary(this.summary).value(this.value);
		}

	}

	/**
	 * The variable part of a problem detail; the rest follows from its code.
	 *
	 * @param detail what went wrong this time
	 * @param field the field named, for {@code INVALID_FIELD}
	 */
	record ProblemSample(String detail, String field) {

		/** The trace id of the examples, W3C's own example. */
		static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

		Example example(ErrorCode code, int status) {
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", code.typeUri());
			problem.put("title", code.title());
			problem.put("status", status);
			problem.put("detail", this.detail);
			problem.put("code", code.name());
			problem.put("traceId", TRACE_ID);
			if (this.field != null) {
				problem.put("field", this.field);
			}
			return new Example().summary(code.name() + ": " + code.title()).value(problem);
		}

	}

}
