package org.fleettelemetry.chaos;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a request and says what became of it ({@link Answer}). A request that got no
 * connection at all was never sent; everything else without an answer that says so may
 * have been stored.
 */
final class ChaosSender {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final Duration timeout;

	ChaosSender(Duration timeout) {
		this.timeout = timeout;
	}

	Answer send(String baseUrl, ChaosRequest request) throws InterruptedException {
		HttpRequest http = HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
			.timeout(this.timeout)
			.header("Authorization", "Bearer " + request.token())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(request.body()))
			.build();
		HttpResponse<String> response;
		try {
			response = this.client.send(http, HttpResponse.BodyHandlers.ofString());
		}
		catch (ConnectException | HttpConnectTimeoutException ex) {
			return Answer.failed(0, "NOT_CONNECTED");
		}
		catch (IOException ex) {
			return Answer.unknown(0, ex.getClass().getSimpleName());
		}
		return classify(request, response.statusCode(), response.body());
	}

	private static Answer classify(ChaosRequest request, int status, String body) {
		JsonNode json = parse(body);
		if (status >= 200 && status < 300) {
			return new Answer(Answer.Outcome.OK, status, null, items(request, json));
		}
		String code = (json != null && json.hasNonNull("code")) ? json.get("code").asString() : "HTTP_" + status;
		if (status < 500 || (status == 503 && "SERVICE_UNAVAILABLE".equals(code))) {
			return Answer.failed(status, code);
		}
		return Answer.unknown(status, code);
	}

	private static List<Answer.Item> items(ChaosRequest request, JsonNode json) {
		if (request.kind() == ChaosRequest.Kind.SINGLE) {
			return List.of(item(json));
		}
		JsonNode results = json.get("results");
		if (results == null || results.size() != request.items().size()) {
			throw new AssertionError("A batch of " + request.items().size() + " was answered " + json);
		}
		List<Answer.Item> items = new ArrayList<>(results.size());
		results.forEach((result) -> items.add(item(result)));
		return items;
	}

	private static Answer.Item item(JsonNode result) {
		JsonNode credited = result.get("creditedKm");
		long metres = (credited == null || credited.isNull()) ? 0 : metres(credited.decimalValue());
		return new Answer.Item(result.get("status").asString(), metres);
	}

	private static JsonNode parse(String body) {
		try {
			return body.isBlank() ? null : JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Kilometres to the metre as whole metres; anything finer is a defect of the answer.
	 */
	static long metres(BigDecimal km) {
		return km.movePointRight(3).setScale(0).longValueExact();
	}

}
