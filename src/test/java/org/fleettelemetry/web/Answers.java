package org.fleettelemetry.web;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the fuzz test learns from a successful answer, by the path it was sent to (after
 * any mutation): what was registered, retired and credited, for {@link ExpectedFigures};
 * tokens, ids and cursors, for later requests. A credit on a path that is not a report
 * endpoint's is a failure: nothing else may credit.
 */
final class Answers {

	interface Failures {

		void fail(FuzzRequest request, String what, RawHttp.@Nullable Answer answer);

	}

	private static final Pattern VEHICLE = Pattern.compile("/api/v1/vehicles/([A-HJ-NPR-Z0-9]{17})(/[a-z/-]+)?");

	private static final Pattern ANOMALY = Pattern.compile("/api/v1/anomalies/([^/]+)/release");

	private final FuzzFleet fleet;

	private final ExpectedFigures expected;

	private final Failures failures;

	Answers(FuzzFleet fleet, ExpectedFigures expected, Failures failures) {
		this.fleet = fleet;
		this.expected = expected;
		this.failures = failures;
	}

	void observe(FuzzRequest request, RawHttp.Answer answer) {
		if (answer.status() < 200 || answer.status() >= 300) {
			return;
		}
		try {
			follow(request, answer);
		}
		catch (RuntimeException ex) {
			// a 2xx for what was not sent as JSON, or for a vehicle never registered
			this.failures.fail(request, "a " + answer.status() + " the test cannot follow (" + ex + ")", answer);
		}
	}

	private void follow(FuzzRequest request, RawHttp.Answer answer) {
		JsonNode body = Fuzzer.parse(answer);
		JsonNode sent = Fuzzer.parse(request.body());
		// as Tomcat maps it: empty and "." segments and path parameters left out
		String path = request.target.replaceFirst("\\?.*", "").replaceAll(";[^/]*", "").replaceAll("/(\\.?/)+", "/");
		Matcher vehicle = VEHICLE.matcher(path);
		Matcher anomaly = ANOMALY.matcher(path);
		boolean post = request.method.equals("POST");
		if (body == null) {
			if (post && answer.body().length > 0) {
				this.failures.fail(request, "a " + answer.status() + " to a POST whose body is not JSON", answer);
			}
			return;
		}
		if (post && path.equals("/api/v1/vehicles") && answer.status() == 201) {
			registered(sent, body);
		}
		else if (post && path.equals("/api/v1/vehicles/batch")) {
			for (int i = 0; i < body.size(); i++) {
				if (body.get(i).path("status").asString().equals("CREATED")) {
					registered(sent.get(i), body.get(i));
				}
			}
		}
		else if (post && path.equals("/api/v1/reports/batch")) {
			credited(request, answer, sent, body.get("results"), null);
		}
		else if (post && vehicle.matches() && vehicle.group(2) != null) {
			observeVehicle(request, answer, vehicle.group(1), vehicle.group(2), sent, body);
		}
		else if (post && anomaly.matches()) {
			if (body.path("outcome").asString().equals("ACCEPTED")) {
				this.expected.released(Long.parseLong(
						java.net.URLDecoder.decode(anomaly.group(1), java.nio.charset.StandardCharsets.UTF_8).strip()),
						body.get("creditedKm").decimalValue());
			}
		}
		else if (post && path.equals("/api/v1/webhooks") && answer.status() == 201) {
			this.fleet.webhooks.add(body.get("id").asString());
		}
		else if (body.has("creditedKm") || body.has("results")) {
			this.failures.fail(request, "a credit on a path no report is sent to", answer);
		}
		else if (post && !path.matches("/api/v1/anomalies/[^/]+/discard")) {
			this.failures.fail(request, "a " + answer.status() + " to a POST the contract does not have", answer);
		}
		else {
			harvest(request, body);
		}
	}

	private void observeVehicle(FuzzRequest request, RawHttp.Answer answer, String vin, String action,
			@Nullable JsonNode sent, JsonNode body) {
		FuzzFleet.Vehicle known = this.fleet.vehicles.get(vin);
		switch (action) {
			case "/token" -> known.token = body.get("token").asString();
			case "/retire" -> {
				known.retired = true;
				this.expected.retired(vin);
			}
			case "/odometer-resets" ->
				known.odometerM = body.get("odometerKm").decimalValue().movePointRight(3).longValue();
			case "/reports" -> {
				if (body.path("status").asString().equals("ACCEPTED")) {
					this.expected.credited(vin, Fuzzer.day(sent.get("recordedAt").asString()),
							body.get("creditedKm").decimalValue());
				}
			}
			case "/reports/batch" -> credited(request, answer, sent, body.get("results"), vin);
			default ->
				this.failures.fail(request, "a " + answer.status() + " to a POST the test cannot follow", answer);
		}
	}

	/** The items of a batch that were credited, each to its vehicle and its day. */
	private void credited(FuzzRequest request, RawHttp.Answer answer, @Nullable JsonNode sent, JsonNode results,
			@Nullable String vin) {
		if (sent == null || !sent.isArray() || results == null || sent.size() != results.size()) {
			this.failures.fail(request, "batch answered for other items than were sent", answer);
			return;
		}
		for (int i = 0; i < sent.size(); i++) {
			if (results.get(i).path("status").asString().equals("ACCEPTED")) {
				JsonNode item = sent.get(i);
				this.expected.credited((vin != null) ? vin : item.get("vin").asString(),
						Fuzzer.day(item.get("recordedAt").asString()), results.get(i).get("creditedKm").decimalValue());
			}
		}
	}

	private void registered(@Nullable JsonNode sent, JsonNode answered) {
		String vin = answered.get("vin").asString();
		this.expected.registered(vin, sent.get("country").asString(), sent.get("model").asString());
		// an odometer left out or sent as null is 0
		BigDecimal km = given(sent, "odometerKm") ? sent.get("odometerKm").decimalValue() : given(sent, "odometerMi")
				? sent.get("odometerMi").decimalValue().multiply(new BigDecimal("1.609344")) : BigDecimal.ZERO;
		this.fleet.vehicles.put(vin, new FuzzFleet.Vehicle(vin, answered.get("token").asString(),
				km.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP).longValue()));
	}

	private static boolean given(JsonNode sent, String field) {
		return sent.has(field) && !sent.get(field).isNull();
	}

	/** Ids and cursors shown by a read, for later requests. */
	private void harvest(FuzzRequest request, JsonNode body) {
		if (body.has("next") && body.get("next").isString()) {
			this.fleet.cursors.put(request.endpoint, body.get("next").asString());
		}
		JsonNode items = body.has("items") ? body.get("items") : body;
		if (!items.isArray()) {
			return;
		}
		for (JsonNode item : items) {
			if (request.endpoint.equals("GET /api/v1/anomalies") && item.has("id")
					&& !this.fleet.anomalies.contains(item.get("id").asLong())) {
				this.fleet.anomalies.add(item.get("id").asLong());
			}
			else if (request.endpoint.equals("GET /api/v1/webhooks") && item.has("id")
					&& !this.fleet.webhooks.contains(item.get("id").asString())) {
				this.fleet.webhooks.add(item.get("id").asString());
			}
			else if (item.has("eventId") && !this.fleet.events.contains(item.get("eventId").asString())) {
				this.fleet.events.add(item.get("eventId").asString());
			}
		}
	}

}
