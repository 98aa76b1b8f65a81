package org.fleettelemetry.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated fleet's side of the HTTP API: what a car or a gateway sends, with the
 * admin token, to the running service.
 */
final class DemoClient {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String token;

	private final JsonMapper json;

	DemoClient(String base, String token, JsonMapper json) {
		this.base = base;
		this.token = token;
		this.json = json;
	}

	/** Posts {@code body} as JSON and returns the status; a failure to connect is -1. */
	int post(String path, Object body) {
		try {
			return this.http.send(postRequest(path, body).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/** Posts {@code body} as JSON and returns the answer's JSON, or {@code null}. */
	@Nullable JsonNode postForJson(String path, Object body) {
		return json(postRequest(path, body));
	}

	/** The answer's JSON to a GET, or {@code null}. */
	@Nullable JsonNode get(String path) {
		return json(request(path).GET());
	}

	private HttpRequest.Builder postRequest(String path, Object body) {
		return request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(body)));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.token);
	}

	private @Nullable JsonNode json(HttpRequest.Builder request) {
		try {
			HttpResponse<byte[]> answer = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return (answer.statusCode() / 100 == 2) ? this.json.readTree(answer.body()) : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
