package org.fleettelemetry.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.Instances;
import org.fleettelemetry.support.IntegrationTests;
import org.fleettelemetry.support.Scrape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast paths ({@link FastPathFilter} with its {@link FastPath}: single reports;
 * {@link PublicReadFilter} with its {@link PublicRead}s: the fleet summary and countries)
 * answer every request exactly as Spring MVC does: the same requests, good and bad, go to
 * this application (fast paths on) and to another instance with them off, and must get
 * the same status, headers and body (and the fleet reads the same timers). A recording
 * interceptor shows which requests Spring MVC handled here: none of the ordinary ones.
 */
@Tag("slow")
class FastPathIntegrationTests extends IntegrationTests {

	private static final String FAST_VIN = "SJNFAAZE0U6000001";

	private static final String MVC_VIN = "SJNFAAZE0U6000002";

	private static final String SUMMARY = "/api/v1/fleet/summary";

	private static final List<String> PUBLIC_READS = List.of(SUMMARY, "/api/v1/fleet/countries");

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static ConfigurableApplicationContext withoutFastPath;

	@Autowired
	HandledBySpringMvc handledBySpringMvc;

	String fastToken;

	String mvcToken;

	@BeforeAll
	static void startInstanceWithoutFastPath() {
		withoutFastPath = Instances.start("fleet.web.fast-path=false", "fleet.webhooks.dispatch.enabled=false");
	}

	@AfterAll
	static void stopInstance() {
		withoutFastPath.close();
	}

	@BeforeEach
	void registerVehicles() {
		this.fastToken = this.api.register(FAST_VIN, "ES", 1000.0);
		this.mvcToken = this.api.register(MVC_VIN, "ES", 1000.0);
		this.handledBySpringMvc.clear();
	}

	@Test
	void ordinaryRequestsTakeTheFastPathAndAreAnsweredAsSpringMvcAnswersThem() {
		String report = Api.json(Api.odometer("a", "2014-09-30T10:00:00Z", 1012.5));
		same(Request.json(report));
		same(Request.json(report));
		same(Request.json(Api.json(Api.odometer("a", "2014-09-30T10:00:00Z", 1013))));
		same(new Request("application/json; charset=UTF-8", "application/json", true,
				Api.json(Api.odometer("b", "2014-09-30T11:00:00Z", 1020))));
		same(new Request("application/json", "*/*", true, Api.json(Api.odometer("c", "2014-09-30T12:00:00Z", 1030))));
		same(Request.json(Api.json(Api.odometer("late", "2014-09-30T10:30:00Z", 1015))));
		same(Request.json(Api.json(Map.of("reportId", "t1", "type", "TRIP", "startedAt", "2014-09-30T12:10:00Z",
				"recordedAt", "2014-09-30T12:40:00Z", "odometerKm", 1060, "distanceKm", 30))));
		for (String body : List.of("", "   ", "{", "{\"reportId\":", "not json", "{\"odometerKm\": NaN}", "null", "42",
				"[]", "\"text\"", Api.json(Api.odometer("d", "2014-09-30T13:00:00Z", 1040)) + " trailing",
				"{\"reportId\":\"e\"}", Api.json(Api.odometer("neg", "2014-09-30T13:00:00Z", -1)),
				Api.json(Api.odometer("far", "2099-01-01T00:00:00Z", 1100)),
				Api.json(Api.odometer("jump", "2014-09-30T13:00:01Z", 900000)))) {
			same(Request.json(body));
		}
		same(Request.json("{\"vin\":\"SJNFAAZE0U6009999\",\"reportId\":\"f\",\"type\":\"ODOMETER\","
				+ "\"recordedAt\":\"2014-09-30T14:00:00Z\",\"odometerKm\":1050}"));
		assertThat(this.handledBySpringMvc.paths()).isEmpty();
	}

	@Test
	void aBodyOverItsLimitIsRefusedAlikeWhateverItsDeclaredLength() {
		String huge = "{\"reportId\":\"big\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";
		same(Request.json(huge));
		same(Request.json(huge).sentChunked());
		assertThat(this.handledBySpringMvc.paths()).isEmpty();
	}

	@Test
	void theAdminMayPostForAnyWellFormedVinOnTheFastPath() {
		Request report = Request.json(Api.json(Api.odometer("a", "2014-09-30T10:00:00Z", 1)));
		sameAt("/api/v1/vehicles/SJNFAAZE0U6009999/reports", ADMIN_TOKEN, report);
		assertThat(this.handledBySpringMvc.paths()).isEmpty();
		String lowerCase = "/api/v1/vehicles/sjnfaaze0u6009999/reports";
		assertThat(sameAt(lowerCase, ADMIN_TOKEN, report).status()).isEqualTo(400);
		assertThat(this.handledBySpringMvc.paths()).containsExactly(lowerCase);
	}

	@Test
	void requestsOutOfTheOrdinaryGoOnToSpringMvc() {
		String report = Api.json(Api.odometer("a", "2014-09-30T10:00:00Z", 1012.5));
		// a body that is no JSON is refused before either, by ContentTypeFilter
		same(new Request("text/plain", null, true, report));
		assertThat(this.handledBySpringMvc.paths()).isEmpty();
		same(new Request(null, null, true, report));
		same(new Request("application/json; charset=ISO-8859-1", null, true, report));
		same(new Request("application/json", "text/html", true,
				Api.json(Api.odometer("b", "2014-09-30T11:00:00Z", 1020))));
		same(new Request("application/json", "application/problem+json, application/json;q=0.9", true,
				Api.json(Api.odometer("c", "2014-09-30T12:00:00Z", 1030))));
		assertThat(this.handledBySpringMvc.paths()).hasSize(4);
		same(new Request("application/json", null, false, report));
		assertThat(this.handledBySpringMvc.paths()).hasSize(4);
	}

	@Test
	void theFleetReadsAreAnsweredAsSpringMvcAnswersThem() {
		same(Request.json(Api.json(Api.odometer("a", "2014-09-30T10:00:00Z", 1012.5))));
		for (String path : PUBLIC_READS) {
			for (String accept : new String[] { null, "*/*", "application/json" }) {
				assertThat(read(here(), path, accept)).as("GET %s, Accept %s", path, accept)
					.isEqualTo(read(Instances.baseUrl(withoutFastPath), path, accept));
			}
		}
		assertThat(this.handledBySpringMvc.paths()).isEmpty();
		// with credentials, through Spring Security's chain, which checks them (a bad
		// token is a 401)
		for (String path : PUBLIC_READS) {
			for (String token : new String[] { this.fastToken, "not-a-token" }) {
				assertThat(read(here(), path, null, token)).as("GET %s with a token", path)
					.isEqualTo(read(Instances.baseUrl(withoutFastPath), path, null, token));
			}
		}
		assertThat(read(here(), SUMMARY, null, "not-a-token").status()).isEqualTo(401);
		this.handledBySpringMvc.clear();
		assertThat(read(here(), SUMMARY, "text/html"))
			.isEqualTo(read(Instances.baseUrl(withoutFastPath), SUMMARY, "text/html"));
		// refused by Spring MVC's handler look-up (it produces JSON only),
		// before any interceptor
		assertThat(read(here(), SUMMARY, "text/html").status()).isEqualTo(406);
		assertThat(read(here(), SUMMARY, null).headers()).contains("x-content-type-options: nosniff",
				"x-frame-options: DENY", "cache-control: no-cache, no-store, max-age=0, must-revalidate");
	}

	@Test
	void theFleetReadsAreTimedAsSpringMvcTimesThem() {
		// other tests of this context leave timers of their own: only those
		// these reads move count
		Map<Map<String, String>, Double> here = fleetReadTimers(this.port);
		Map<Map<String, String>, Double> there = fleetReadTimers(Instances.port(withoutFastPath));
		for (String path : PUBLIC_READS) {
			read(here(), path, null);
			read(Instances.baseUrl(withoutFastPath), path, null);
		}
		Set<Map<String, String>> timed = movedSince(here, fleetReadTimers(this.port));
		assertThat(timed).contains(Map.of("error", "none", "exception", "none", "method", "GET", "outcome", "SUCCESS",
				"status", "200", "uri", SUMMARY));
		assertThat(timed).isEqualTo(movedSince(there, fleetReadTimers(Instances.port(withoutFastPath))));
	}

	/**
	 * The counts of the {@code http.server.requests} timers of the fleet reads (and of
	 * requests that no handler was found for) by their tags, from the Prometheus
	 * endpoint.
	 */
	private static Map<Map<String, String>, Double> fleetReadTimers(int port) {
		return Scrape.of(port)
			.samples()
			.stream()
			.filter((sample) -> sample.name().equals("http_server_requests_seconds_count"))
			.filter((sample) -> sample.labels().get("uri").startsWith("/api/v1/fleet/")
					|| sample.labels().get("uri").equals("UNKNOWN"))
			.collect(Collectors.toMap(Scrape.Sample::labels, Scrape.Sample::value));
	}

	/** The tags of the timers whose count grew from {@code before} to {@code after}. */
	private static Set<Map<String, String>> movedSince(Map<Map<String, String>, Double> before,
			Map<Map<String, String>, Double> after) {
		return after.entrySet()
			.stream()
			.filter((timer) -> timer.getValue() > before.getOrDefault(timer.getKey(), 0.0))
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
	}

	/** The read, with the time it was read left out. */
	private static Answer read(String base, String path, String accept) {
		return read(base, path, accept, null);
	}

	private static Answer read(String base, String path, String accept, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		if (accept != null) {
			builder.header("Accept", accept);
		}
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		Answer answer = send(builder.GET());
		return new Answer(answer.status(), answer.contentType(), answer.headers(),
				answer.body().replaceAll("\"asOf\":\"[^\"]*\"", "\"asOf\":\"\""));
	}

	/**
	 * Sends the request for the fast-path vehicle here and for the other vehicle to the
	 * instance without the fast path, and expects the same answer.
	 */
	private void same(Request request) {
		Answer fast = answer(here(), path(FAST_VIN), request.withToken ? this.fastToken : null, request);
		Answer mvc = answer(Instances.baseUrl(withoutFastPath), path(MVC_VIN), request.withToken ? this.mvcToken : null,
				request);
		assertThat(fast.withoutClock()).as("answer to %s", request)
			.isEqualTo(mvc.withVin(MVC_VIN, FAST_VIN).withoutClock());
	}

	/** Sends the same request to the same path of both, and expects the same answer. */
	private Answer sameAt(String path, String token, Request request) {
		Answer fast = answer(here(), path, token, request);
		assertThat(fast).as("answer to %s at %s", request, path)
			.isEqualTo(answer(Instances.baseUrl(withoutFastPath), path, token, request));
		return fast;
	}

	private static String path(String vin) {
		return "/api/v1/vehicles/" + vin + "/reports";
	}

	private String here() {
		return "http://localhost:" + this.port;
	}

	private static Answer answer(String base, String path, String token, Request request) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		if (request.contentType != null) {
			builder.header("Content-Type", request.contentType);
		}
		if (request.accept != null) {
			builder.header("Accept", request.accept);
		}
		byte[] bytes = request.body.getBytes(StandardCharsets.UTF_8);
		return send(builder
			.POST(request.chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
					: HttpRequest.BodyPublishers.ofByteArray(bytes)));
	}

	private static Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Set<String> headers = new TreeSet<>();
			// the framing may differ: the fast path knows its body's length, Spring MVC
			// sends it in chunks
			response.headers().map().forEach((name, values) -> {
				if (!Set.of("date", ":status", "content-length", "transfer-encoding").contains(name)) {
					values.forEach((value) -> headers.add(name + ": " + value));
				}
			});
			// and each request has a trace id of its own, which every problem must carry
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					List.copyOf(headers),
					response.body().replaceAll("\"traceId\":\"[0-9a-f]{32}\"", "\"traceId\":\"<32 hex digits>\""));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Request(String contentType, String accept, boolean withToken, String body, boolean chunked) {

		Request(String contentType, String accept, boolean withToken, String body) {
			this(contentType, accept, withToken, body, false);
		}

		static Request json(String body) {
			return new Request("application/json", null, true, body);
		}

		Request sentChunked() {
			return new Request(this.contentType, this.accept, this.withToken, this.body, true);
		}

		@Override
		public String toString() {
			String shown = (this.body.length() > 120) ? this.body.substring(0, 120) + "..." : this.body;
			return "Content-Type " + this.contentType + ", Accept " + this.accept + (this.chunked ? ", chunked" : "")
					+ (this.withToken ? "" : ", no token") + ": " + shown;
		}

	}

	record Answer(int status, String contentType, List<String> headers, String body) {

		Answer withVin(String vin, String replacement) {
			return new Answer(this.status, this.contentType, this.headers, this.body.replace(vin, replacement));
		}

		/**
		 * The same, with the server's clock, which a future timestamp's refusal tells,
		 * left out.
		 */
		Answer withoutClock() {
			return new Answer(this.status, this.contentType, this.headers,
					this.body.replaceAll("server clock \\([^)]*\\)", "server clock"));
		}

	}

}
