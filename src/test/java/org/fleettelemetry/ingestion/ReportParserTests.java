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
				 "energyConsumedKwh": 7.25, "energyRegeneratedKwh": 1.5}"""));

		assertThat(payload).isEqualTo(new ReportPayload("SJNFAAZE0U6000001", "t-1", "TRIP",
				Instant.parse("2014-09-30T11:00:00Z"), Instant.parse("2014-09-30T10:00:00.250Z"),
				new BigDecimal("12345.678"), new BigDecimal("42.5"), new BigDecimal("7.25"), new BigDecimal("1.5")));
	}

	@Test
	void leavesAbsentAndNullFieldsAbsent() {
		ReportPayload payload = this.parser.payload(tree("""
				{"reportId": "r-1", "type": "ODOMETER", "recordedAt": "2014-09-30T12:00:00Z", "odometerKm": 10,
				 "distanceKm": null, "startedAt": null}"""));

		assertThat(payload.vin()).isNull();
		assertThat(payload.distanceKm()).isNull();
		assertThat(payload.startedAt()).isNull();
		assertThat(payload.energyConsumedKwh()).isNull();
	}

	@Test
	void readsMilesAsKilometresExactly() {
		ReportPayload payload = this.parser.payload(tree("""
				{"reportId": "t-1", "type": "TRIP", "recordedAt": "2014-09-30T12:00:00Z", "odometerMi": 100,
				 "distanceMi": 0.5}"""));

		assertThat(payload.odometerKm()).isEqualByComparingTo("160.9344");
		assertThat(payload.distanceKm()).isEqualByComparingTo("0.804672");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"odometerKm\": 1, \"odometerMi\": 1}", "{\"distanceKm\": 1, \"distanceMi\": 1}" })
	void refusesADistanceInBothUnits(String body) {
		String field = body.substring(body.lastIndexOf("{\"") + 2, body.indexOf("Km")) + "Mi";

		assertThatExceptionOfType(FleetException.class).isThrownBy(() -> this.parser.payload(tree(body)))
			.withMessageStartingWith(field + ": ")
			.withMessageContaining("not both");
	}

	@ParameterizedTest
	@ValueSource(strings = { "unit", "odometer", "odometerKM", "recorded_at" })
	void refusesAFieldTheContractDoesNotName(String field) {
		assertThatExceptionOfType(FleetException.class)
			.isThrownBy(() -> this.parser.payload(tree("{\"reportId\": \"r-1\", \"" + field + "\": \"mi\"}")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_FIELD))
			.withMessageStartingWith(field + ": is not a field of a report");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"reportId\": 42}|reportId: must be a JSON string",
			"{\"odometerKm\": \"5000\"}|odometerKm: must be a JSON number such as 12345.678",
			"{\"recordedAt\": 1412078400}|recordedAt: must be an ISO-8601 instant such as 2014-09-30T10:00:00Z",
			"{\"recordedAt\": 1412236800000}|recordedAt: must be an ISO-8601 instant such as 2014-09-30T10:00:00Z",
			"{\"startedAt\": 1412074800.5}|startedAt: must be an ISO-8601 instant such as 2014-09-30T10:00:00Z",
			"{\"startedAt\": \"\"}|startedAt: must be an ISO-8601 instant such as 2014-09-30T10:00:00Z" })
	void refusesAValueOfAnotherTypeSayingTheFormExpected(String bodyAndMessage) {
		String[] parts = bodyAndMessage.split("\\|");

		assertThatExceptionOfType(FleetException.class).isThrownBy(() -> this.parser.payload(tree(parts[0])))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_FIELD))
			.withMessage(parts[1]);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"odometerKm\": \"far\"}", "{\"odometerKm\": true}", "{\"odometerKm\": [1]}",
			"{\"odometerKm\": 1e999}", "{\"recordedAt\": \"30/09/2014\"}", "{\"recordedAt\": {\"at\": 1}}",
			"{\"reportId\": [\"a\"]}", "{\"type\": {\"name\": \"TRIP\"}}" })
	void namesTheFieldOfTheWrongTypeOrFormat(String body) {
		String field = body.substring(2, body.indexOf('"', 2));

		assertThatExceptionOfType(FleetException.class).isThrownBy(() -> this.parser.payload(tree(body)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_FIELD))
			.withMessageStartingWith(field + ": must be ");
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
