package org.fleettelemetry.fleet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary, daily and country reads carry an ETag of their figures and answer 304 to a
 * matching {@code If-None-Match}, whether the public read filter answers them (a plain
 * GET) or Spring MVC (a GET with a token); and any origin may read them from a browser.
 */
class BrowserReadsIntegrationTests extends IntegrationTests {

	static final String VIN = "SJNFAAZE0U6000001";

	final HttpClient client = HttpClient.newHttpClient();

	HttpResponse<String> get(String path, String token, String ifNoneMatch) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Origin", "https://dashboard.example.com");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@ParameterizedTest
	@CsvSource(nullValues = "none",
			value = { "/api/v1/fleet/summary, none", "/api/v1/fleet/summary, ADMIN", "/api/v1/fleet/countries, none",
					"/api/v1/fleet/countries, ADMIN", "/api/v1/fleet/daily?from=2014-09-30&to=2014-09-30, none" })
	void answers304UntilTheFiguresChangeAndAnyOriginMayRead(String path, String who) throws Exception {
		String token = (who != null) ? ADMIN_TOKEN : null;
		String vehicleToken = this.api.register(VIN, "ES", 0.0);
		HttpResponse<String> first = get(path, token, null);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).matches("\"[0-9a-f]{32}\"");

		HttpResponse<String> again = get(path, token, etag);
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(again.headers().firstValue("ETag")).hasValue(etag);

		assertThat(this.api
			.post("/api/v1/vehicles/" + VIN + "/reports", vehicleToken,
					Api.odometer("odo-1", "2014-09-30T10:00:00Z", 12.5))
			.status()).isEqualTo(201);
		HttpResponse<String> changed = get(path, token, etag);
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.headers().firstValue("ETag")).isNotEqualTo(etag);
	}

	@ParameterizedTest
	@CsvSource({ "/api/v1/fleet/leaders, 200", "/api/v1/vehicles, 403" })
	void answersAPreflightWithoutAToken(String path, int status) throws Exception {
		HttpRequest preflight = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", "https://dashboard.example.com")
			.header("Access-Control-Request-Method", "GET")
			.build();
		HttpResponse<String> response = this.client.send(preflight, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin").isPresent()).isEqualTo(status == 200);
	}

	@ParameterizedTest
	@CsvSource({ "/api/v1/fleet/summary", "/api/v1/fleet/countries" })
	void theETagIsOfTheFiguresNotOfWhenTheyWereRead(String path) throws Exception {
		String etag = get(path, null, null).headers().firstValue("ETag").orElseThrow();
		Thread.sleep(5);
		assertThat(get(path, null, null).headers().firstValue("ETag")).hasValue(etag);
	}

}
