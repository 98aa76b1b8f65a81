package org.fleettelemetry.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import zipkin2.reporter.brave.AsyncZipkinSpanHandler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request has a trace id, continued from the caller's W3C {@code traceparent} or
 * new, and every problem detail names it ({@code traceId}), whoever answers: the report
 * fast path, a filter, Spring Security's firewall, Spring MVC, a failure of the service
 * (whose log lines carry the same id). Nothing is exported.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingIntegrationTests extends IntegrationTests {

	static final String VIN = "SJNFAAZE0U6000001";

	static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

	static final HttpClient CLIENT = HttpClient.newHttpClient();

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ApplicationContext context;

	@Test
	void aFailureAnswersTheTraceIdItIsLoggedWithAndContinuesTheCallers(CapturedOutput output) throws Exception {
		JsonNode problem = send(
				post("/test/failure", IntegrationTests.ADMIN_TOKEN, "").header("traceparent", TRACEPARENT), 500);
		assertThat(problem.get("code").asString()).isEqualTo("INTERNAL_ERROR");
		assertThat(problem.get("traceId").asString()).isEqualTo(TRACE_ID);
		assertThat(problem.get("detail").asString())
			.isEqualTo("The service failed to handle the request; it has been logged with trace id " + TRACE_ID);
		assertThat(problem.toString()).doesNotContain(FailingEndpoint.SECRET);
		assertThat(output.getOut().lines().filter((line) -> line.contains("Unexpected failure"))).singleElement()
			.asString()
			.contains(TRACE_ID)
			.contains("ERROR");
	}

	@Test
	void aFailureWithoutTraceparentLogsTheFreshIdItAnswers(CapturedOutput output) throws Exception {
		String traceId = send(post("/test/failure", IntegrationTests.ADMIN_TOKEN, ""), 500).get("traceId").asString();
		assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo(TRACE_ID);
		assertThat(output.getOut().lines().filter((line) -> line.contains("Unexpected failure"))).singleElement()
			.asString()
			.contains(traceId);
	}

	@Test
	void everyRequestWithoutTraceparentHasAFreshTraceId() throws Exception {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 3; i++) {
			String traceId = send(get("/api/v1/nothing-here"), 404).get("traceId").asString();
			assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
			ids.add(traceId);
		}
		assertThat(ids).hasSize(3);
	}

	@Test
	void theCallersTraceIsContinuedIntoEveryProblemWhoeverWritesIt() throws Exception {
		String token = this.api.register(VIN, "ES", 0.0);
		String reports = "/api/v1/vehicles/" + VIN + "/reports";
		// the report fast path, judged by the service
		assertTraced(post(reports, token, Api.json(Api.odometer("a", "2014-09-30T10:00:00Z", -1))), 400);
		// the bearer token filter
		assertTraced(post(reports, "no-such-token", "{}"), 401);
		// Spring Security's authorization
		assertTraced(post("/api/v1/vehicles", token, "{}"), 403);
		// the body size filter
		assertTraced(post(reports, token, "[" + " ".repeat(70_000) + "]"), 413);
		// Spring MVC
		assertTraced(get("/api/v1/nothing-here"), 404);
		// the firewall, answered by the error page
		JsonNode firewall = raw("/api/v1/./fleet/summary");
		assertThat(firewall.get("status").asInt()).isEqualTo(400);
		assertThat(firewall.get("traceId").asString()).isEqualTo(TRACE_ID);
		// Tomcat itself, in its error report
		JsonNode tomcat = raw("/api/v1/fleet%2Fsummary");
		assertThat(tomcat.get("status").asInt()).isEqualTo(400);
		assertThat(tomcat.get("traceId").asString()).isEqualTo(TRACE_ID);
		// headers over Tomcat's limit, the traceparent read before them
		JsonNode unread = JSON.readTree(body(HostileRequestsIntegrationTests.exchange(this.port,
				HostileRequestsIntegrationTests.get("/api/v1/fleet/summary",
						"traceparent: " + TRACEPARENT + "\r\nX-Big: " + "a".repeat(9000) + "\r\n"))));
		assertThat(unread.get("status").asInt()).isEqualTo(400);
		assertThat(unread.get("traceId").asString()).isEqualTo(TRACE_ID);
	}

	@Test
	void noSpanIsSentAnywhere() {
		assertThat(this.context.getBeanProvider(AsyncZipkinSpanHandler.class).stream()).isEmpty();
	}

	void assertTraced(HttpRequest.Builder request, int status) throws Exception {
		JsonNode problem = send(request.header("traceparent", TRACEPARENT), status);
		assertThat(problem.get("traceId").asString()).as("%s", problem).isEqualTo(TRACE_ID);
	}

	HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + IntegrationTests.ADMIN_TOKEN)
			.GET();
	}

	HttpRequest.Builder post(String path, String token, String body) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	JsonNode send(HttpRequest.Builder request, int status) throws Exception {
		HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		return JSON.readTree(response.body());
	}

	/**
	 * The problem answered to a GET of {@code target} sent as it is, with the caller's
	 * {@code traceparent}.
	 */
	JsonNode raw(String target) throws IOException {
		String answer = HostileRequestsIntegrationTests.exchange(this.port,
				HostileRequestsIntegrationTests.get(target, "traceparent: " + TRACEPARENT + "\r\n"));
		return JSON.readTree(body(answer));
	}

	/** The JSON of a raw answer, without the headers or a chunk's framing. */
	static String body(String answer) {
		return answer.substring(answer.indexOf('{'), answer.lastIndexOf('}') + 1);
	}

}
