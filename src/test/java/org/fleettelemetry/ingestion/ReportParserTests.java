package org.fleettelemetry.ingestion;

import java.math.BigDecimal;
import java.time.Instant;

import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.shared.FleetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReportParserTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final ReportParser parser = new ReportParser();

	@Test
	void readsEveryFieldOfATrip() {
		ReportPayload payload = this.parser.payload(tree("""
				{"vin": "SJNFAAZE0U6000001", "reportId": "t-1", "type": "TRIP", "startedAt": "2014-09-30T11:00:00Z",
				 "recordedAt": "2014-09-30T12:00:00.250+02:00", "odometerKm": 12345.678, "distanceKm": 42.5,
				 "energyConsumedKwh": 7.25, "energyRegeneratedKwh": 1.5, "unknown": {"ignored": true}}"""));

		assertThat(payload).isEqualTo(new ReportPayload("SJNFAAZE0U6000001", "t-1", "TRIP",
				Instant.parse("2014-09-30T11:00:00Z"), Instant.parse("2014-09-30T10:00:00.250Z"),
				new BigDecimal("12345.678"), new BigDecimal("42.5"), new BigDecimal("7.25"), new BigDecimal("1.5")));
	}

	@Test
	void leavesAbsentAndNullFieldsAbsent() {
		ReportPayload payload = this.parser.payload(tree("""
				{"reportId": "r-1", "type": "ODOMETER", "recordedAt": "2014-09-30T12:00:00Z", "odometerKm": 10,
				 "distanceKm": null, "startedAt": ""}"""));

		assertThat(payload.vin()).isNull();
		assertThat(payload.distanceKm()).isNull();
		assertThat(payload.startedAt()).isNull();
		assertThat(payload.energyConsumedKwh()).isNull();
	}

	@Test
	void readsScalarsAsJacksonWouldIntoTheseTypes() {
		ReportPayload payload = this.parser.payload(tree("""
				{"reportId": 42, "type": "ODOMETER", "recordedAt": 1412078400, "startedAt": 1412074800.5,
				 "odometerKm": "12.5"}"""));

		assertThat(payload.reportId()).isEqualTo("42");
		assertThat(payload.recordedAt()).isEqualTo(Instant.parse("2014-09-30T12:00:00Z"));
		assertThat(payload.startedAt()).isEqualTo(Instant.parse("2014-09-30T11:00:00.5Z"));
		assertThat(payload.odometerKm()).isEqualByComparingTo("12.5");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"odometerKm\": \"far\"}", "{\"odometerKm\": true}", "{\"odometerKm\": [1]}",
			"{\"odometerKm\": 1e999}", "{\"recordedAt\": \"30/09/2014\"}", "{\"recordedAt\": {\"at\": 1}}",
			"{\"reportId\": [\"a\"]}", "{\"type\": {\"name\": \"TRIP\"}}" })
	void namesTheFieldOfTheWrongTypeOrFormat(String body) {
		String field = body.substring(2, body.indexOf('"', 2));

		assertThatExceptionOfType(FleetException.class).isThrownBy(() -> this.parser.payload(tree(body)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_FIELD))
			.withMessageContaining(field)
			.withMessageContaining("wrong type or format");
	}

	@Test
	void refusesAReportThatIsNotAnObject() {
		assertThatExceptionOfType(FleetException.class).isThrownBy(() -> this.parser.payload(tree("[1, 2]")))
			.withMessageContaining("report")
			.withMessageContaining("JSON object");
	}

	private JsonNode tree(String text) {
		return this.json.readTree(text);
	}

}
