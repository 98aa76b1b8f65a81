package org.fleettelemetry.fleet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet's series as CSV, read back by a CSV reader and compared with their JSON.
 */
class CsvIntegrationTests extends IntegrationTests {

	static final HttpClient CLIENT = HttpClient.newHttpClient();

	HttpResponse<String> csv(String path) throws IOException, InterruptedException {
		return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/csv")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The rows of a CSV text with a header row, each as its header's names to its values.
	 */
	static List<Map<String, String>> rows(String text) {
		List<Map<String, String>> rows = new ArrayList<>();
		try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
			.with(CsvSchema.emptySchema().withHeader())
			.readValues(text)) {
			it.forEachRemaining((row) -> rows.add(new LinkedHashMap<>(row)));
		}
		return rows;
	}

	/** The same, from the JSON answer of the same read. */
	static List<Map<String, String>> rows(JsonNode json) {
		List<Map<String, String>> rows = new ArrayList<>();
		json.forEach((item) -> {
			Map<String, String> row = new LinkedHashMap<>();
			item.properties()
				.forEach((field) -> row.put(field.getKey(), field.getValue().isFloatingPointNumber()
						? field.getValue().decimalValue().setScale(3).toPlainString() : field.getValue().asString()));
			rows.add(row);
		});
		return rows;
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
		List<Map<String, String>> json = rows(this.api.get(path, null).body());
		assertThat(json).hasSize(4);
		assertThat(rows(answer.body())).isEqualTo(json);
	}

	@Test
	void theCountriesAsCsvHoldWhatTheirJsonHolds() throws Exception {
		drive();
		HttpResponse<String> answer = csv("/api/v1/fleet/countries");
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
		assertThat(answer.body()).startsWith("country,vehicles,distanceKm,co2AvoidedKg\n");
		List<Map<String, String>> json = rows(this.api.get("/api/v1/fleet/countries", null).body());
		assertThat(json).hasSize(2);
		assertThat(rows(answer.body())).isEqualTo(json);
		assertThat(rows(answer.body()).get(0)).containsEntry("distanceKm", "120.500");
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
