package org.fleettelemetry.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the tests: real requests over a real socket, JSON in and out.
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public Api(String base) {
		this.base = base;
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	public Response get(String path, String token) {
		return send(request(path, token).GET());
	}

	public Response delete(String path, String token) {
		return send(request(path, token).DELETE());
	}

	public Response post(String path, String token, Object body) {
		String text = (body instanceof String s) ? s : json(body);
		return send(request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(text)));
	}

	/**
	 * Registers a vehicle as the admin and returns its token.
	 */
	public String register(String vin, String country, Double odometerKm) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("vin", vin, "model", "LEAF", "country", country));
		body.put("odometerKm", odometerKm);
		Response response = post("/api/v1/vehicles", IntegrationTests.ADMIN_TOKEN, body);
		if (response.status() != 201) {
			throw new IllegalStateException("Registration failed: " + response);
		}
		return response.body().get("token").asString();
	}

	/**
	 * Issues an API key of {@code scope} as the admin and returns the key.
	 */
	public String issueKey(String scope) {
		Response response = post("/api/v1/admin/keys", IntegrationTests.ADMIN_TOKEN,
				Map.of("name", scope.toLowerCase(java.util.Locale.ROOT) + " key", "scope", scope));
		if (response.status() != 201) {
			throw new IllegalStateException("Issuing a key failed: " + response);
		}
		return response.text("key");
	}

	/**
	 * A GET answered with text rather than JSON (Prometheus metrics).
	 */
	public String text(String path) {
		try {
			return CLIENT.send(request(path, null).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A GET that asks for CSV ({@code Accept: text/csv}), answered as it came.
	 */
	public HttpResponse<String> csv(String path, String token) {
		try {
			return CLIENT.send(request(path, token).header("Accept", "text/csv").GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A trip of an hour that ended at {@code recordedAt}: 12.3 km on 2.1 kWh, 0.4 of them
	 * regenerated.
	 */
	public static Map<String, Object> trip(String reportId, String recordedAt, double odometerKm) {
		Map<String, Object> trip = new java.util.LinkedHashMap<>();
		trip.put("reportId", reportId);
		trip.put("type", "TRIP");
		trip.put("startedAt", java.time.Instant.parse(recordedAt).minusSeconds(3600).toString());
		trip.put("recordedAt", recordedAt);
		trip.put("odometerKm", odometerKm);
		trip.put("distanceKm", 12.3);
		trip.put("energyConsumedKwh", 2.1);
		trip.put("energyRegeneratedKwh", 0.4);
		return trip;
	}

	/**
	 * An odometer report of {@code km} recorded at {@code recordedAt}.
	 */
	public static Map<String, Object> odometer(String reportId, String recordedAt, double km) {
		Map<String, Object> report = new java.util.LinkedHashMap<>();
		report.put("reportId", reportId);
		report.put("type", "ODOMETER");
		report.put("recordedAt", recordedAt);
		report.put("odometerKm", km);
		return report;
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
			return new Response(response.statusCode(), body,
					response.headers().firstValue("Content-Type").orElse(null));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An answer: its status, its JSON body, its content type.
	 */
	public record Response(int status, JsonNode body, String contentType) {

		public BigDecimal decimal(String field) {
			return this.body.get(field).decimalValue();
		}

		public String text(String field) {
			JsonNode value = this.body.get(field);
			return (value == null || value.isNull()) ? null : value.asString();
		}

	}

}
