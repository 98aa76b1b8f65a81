package org.fleettelemetry.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a careless or hostile client can send, whoever refuses it (this service, Spring
 * Security's firewall, Spring MVC, Tomcat), is answered as a problem detail with a code
 * and a 4xx status: never a 500, never an HTML page, never Spring's default JSON.
 */
class HostileRequestsIntegrationTests extends IntegrationTests {

	static final String VIN = "SJNFAAZE0U6000001";

	static final String REPORT = "{\"reportId\":\"a\",\"type\":\"ODOMETER\",\"recordedAt\":\"2014-09-30T10:00:00Z\","
			+ "\"odometerKm\":1}";

	String exchange(String request) throws IOException {
		return exchange(this.port, request);
	}

	/** One request written as bytes on a socket to {@code port}, and the raw answer. */
	static String exchange(int port, String request) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static String post(String path, String token, String contentType, String body) {
		return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\nContent-Type: "
				+ contentType + "\r\nContent-Length: " + body.getBytes(StandardCharsets.ISO_8859_1).length
				+ "\r\nConnection: close\r\n\r\n" + body;
	}

	static String auth(String token) {
		return "Authorization: Bearer " + token + "\r\n";
	}

	static String get(String target, String headers) {
		return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "Connection: close\r\n\r\n";
	}

	@Test
	void everyRefusalIsAProblemDetailWithACode() throws IOException {
		String token = this.api.register(VIN, "ES", 0.0);
		String reports = "/api/v1/vehicles/" + VIN + "/reports";
		List<Map.Entry<String, String>> requests = new ArrayList<>();
		requests.add(Map.entry("415 UNSUPPORTED_MEDIA_TYPE", post(reports, token, "application/*", REPORT)));
		requests.add(Map.entry("415 UNSUPPORTED_MEDIA_TYPE", post(reports, token, "*/*", REPORT)));
		requests.add(Map.entry("415 UNSUPPORTED_MEDIA_TYPE", post(reports, token, "application/yaml", "a: b\n")));
		requests.add(Map.entry("415 UNSUPPORTED_MEDIA_TYPE", post(reports, token, "not a type", REPORT)));
		requests.add(Map.entry("415 UNSUPPORTED_MEDIA_TYPE",
				post("/api/v1/vehicles", ADMIN_TOKEN, "application/x-www-form-urlencoded", "a=\u00ff\u00fe")));
		requests.add(Map.entry("404 NOT_FOUND", get("/error", "")));
		requests.add(Map.entry("400 MALFORMED_REQUEST", get("/api/v1/./fleet/summary", "")));
		requests.add(Map.entry("400 MALFORMED_REQUEST", get("/api/v1/fleet%5Csummary", "")));
		requests.add(Map.entry("400 MALFORMED_REQUEST", get("/api/v1/fleet%2Fsummary", "")));
		requests.add(Map.entry("400 MALFORMED_REQUEST",
				get("/api/v1/fleet/summary", "X-Big: " + "a".repeat(9000) + "\r\n")));
		requests.add(Map.entry("400 MALFORMED_REQUEST",
				"POST /api/v1/vehicles HTTP/1.1\r\nHost: localhost\r\nContent-Length: -5\r\nConnection: close\r\n\r\n"));
		requests.add(Map.entry("501 METHOD_NOT_ALLOWED",
				"CONNECT localhost:443 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
		// found by FuzzIntegrationTests: a query Tomcat cannot decode, an Accept that
		// cannot be parsed or met, and the actuator's bodiless 404
		requests.add(Map.entry("400 MALFORMED_REQUEST", get("/api/v1/fleet/leaders?vin=%zz", "")));
		requests.add(Map.entry("400 MALFORMED_REQUEST", get("/api/v1/vehicles?=1", auth(ADMIN_TOKEN))));
		requests
			.add(Map.entry("404 NOT_FOUND", get("/api/v1/nothing-here", auth(ADMIN_TOKEN) + "Accept: garbage\r\n")));
		requests.add(Map.entry("404 NOT_FOUND", get("/api/v1/nothing-here", auth(ADMIN_TOKEN) + "Accept: */json\r\n")));
		requests.add(Map.entry("406 NOT_ACCEPTABLE",
				get("/api/v1/milestones", "Accept: application/json;charset=utf-16\r\n")));
		requests.add(Map.entry("404 NOT_FOUND", get("/actuator/health/nothing-here", "")));
		requests.forEach((entry) -> {
			String expected = entry.getKey();
			String request = entry.getValue();
			String answer;
			try {
				answer = exchange(request);
			}
			catch (IOException ex) {
				throw new AssertionError(expected, ex);
			}
			String[] statusAndCode = expected.split(" ");
			String firstLine = answer.lines().findFirst().orElse("");
			assertThat(firstLine).as(request.lines().findFirst().orElse("") + "\n" + answer)
				.startsWith("HTTP/1.1 " + statusAndCode[0]);
			assertThat(answer).as(answer)
				.containsIgnoringCase("Content-Type: application/problem+json")
				.contains("\"code\":\"" + statusAndCode[1] + "\"")
				.doesNotContain("<html");
		});
		assertThat(this.jdbc.sql("select count(*) from reports").query(Long.class).single()).isZero();
	}

	@Test
	void aMethodNotAllowedSaysWhichAre() throws IOException {
		String answer = exchange("DELETE /api/v1/vehicles HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
				+ ADMIN_TOKEN + "\r\nConnection: close\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 405")
			.containsPattern("(?i)Allow: .*GET")
			.contains("METHOD_NOT_ALLOWED");
	}

}
