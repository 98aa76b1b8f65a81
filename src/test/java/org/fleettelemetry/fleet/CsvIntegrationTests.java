package org.fleettelemetry.fleet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.Csv;
import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet's series as CSV, read back by a CSV reader and compared with their JSON.
 */
class CsvIntegrationTests extends IntegrationTests {

	static final HttpClient CLIENT = HttpClient.newHttpClient();

	HttpResponse<String> csv(String path) {
		return this.api.csv(path, null);
	}

	void drive() {
		String es = this.api.register("SJNFAAZE0U6000001", "ES", 0.0);
		String no = this.api.register("SJNFAAZE0U6000002", "NO", 0.0);
		this.api.post("/api/v1/vehicles/SJNFAAZE0U6000001/reports", es,
				Api.odometer("a", "2014-09-29T10:00:00Z", 120.5));
		this.api.post("/api/v1/vehicles/SJNFAAZE0U6000002/reports", no,
				Api.odometer("b", "2014-09-30T10:00:00Z", 1234.567));
	}

	@Test
	void theDailySeriesAsCsvHoldsWhatItsJsonHolds() throws Exception {
		drive();
		String path = "/api/v1/fleet/daily?from=2014-09-28&to=2014-10-01";
		HttpResponse<String> answer = csv(path);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
		assertThat(answer.body()).startsWith("date,distanceKm,co2AvoidedKg,reportingVehicles\n");
		List<Map<String, String>> json = Csv.rows(this.api.get(path, null).body());
		assertThat(json).hasSize(4);
		assertThat(Csv.rows(answer.body())).isEqualTo(json);
	}

	@Test
	void theCountriesAsCsvHoldWhatTheirJsonHolds() throws Exception {
		drive();
		HttpResponse<String> answer = csv("/api/v1/fleet/countries");
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
		assertThat(answer.body()).startsWith("country,vehicles,distanceKm,co2AvoidedKg\n");
		List<Map<String, String>> json = Csv.rows(this.api.get("/api/v1/fleet/countries", null).body());
		assertThat(json).hasSize(2);
		assertThat(Csv.rows(answer.body())).isEqualTo(json);
		assertThat(Csv.rows(answer.body()).get(0)).containsEntry("distanceKm", "120.500");
	}

	@Test
	void withoutAskingForCsvTheSeriesAreJson() throws Exception {
		for (String accept : new String[] { "*/*", "application/json", "text/csv;q=0.5, application/json" }) {
			HttpResponse<String> answer = CLIENT
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/fleet/daily"))
					.header("Accept", accept)
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(accept).isEqualTo(200);
			assertThat(answer.headers().firstValue("Content-Type")).as(accept).hasValue("application/json");
		}
		assertThat(this.api.get("/api/v1/fleet/daily", null).contentType()).isEqualTo("application/json");
	}

	@Test
	void aReadWithoutCsvAnswersAProblemForCsv() throws Exception {
		HttpResponse<String> answer = csv("/api/v1/fleet/summary");
		assertThat(answer.statusCode()).isEqualTo(406);
		assertThat(answer.body()).contains("\"code\":\"NOT_ACCEPTABLE\"");
	}

}
