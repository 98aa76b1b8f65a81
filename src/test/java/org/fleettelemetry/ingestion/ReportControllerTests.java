package org.fleettelemetry.ingestion;

import java.util.List;

import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.shared.FleetException;
import org.fleettelemetry.support.WebSliceTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fleettelemetry.support.ProblemAssertions.assertProblem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The report endpoints on the web slice, through Spring MVC (the single report's fast
 * path is not part of the slice), with the ingestion service stubbed: what each outcome
 * is answered with, and the requests refused before the service is asked.
 */
class ReportControllerTests extends WebSliceTests {

	static final String VIN = "SJNFAAZE0U6000001";

	static final String REPORTS = "/api/v1/vehicles/" + VIN + "/reports";

	static final String REPORT = """
			{"reportId": "a", "type": "ODOMETER", "recordedAt": "2014-09-30T10:00:00Z", "odometerKm": 1012.345}""";

	@Autowired
	Ingestion ingestion;

	@Test
	void anAcceptedReportIsCreatedWithWhatItCredited() {
		given(this.ingestion.one(eq(VIN), any())).willReturn(Outcome.accepted("a", 12_345, 20_000));
		MvcTestResult result = this.admin.post(REPORTS, REPORT);
		assertThat(result).hasStatus(201).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"reportId": "a", "status": "ACCEPTED", "creditedKm": 12.345, "vehicleDistanceKm": 20.000}""");
		then(this.ingestion).should().one(eq(VIN), argThat((body) -> body.get("odometerKm").doubleValue() == 1012.345));
	}

	@Test
	void aDuplicateIsOkWithWhatItFirstCredited() {
		given(this.ingestion.one(eq(VIN), any())).willReturn(Outcome.duplicate("a", 12_345, 20_000));
		MvcTestResult result = this.admin.post(REPORTS, REPORT);
		assertThat(result).hasStatus(200);
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"reportId": "a", "status": "DUPLICATE", "creditedKm": 12.345, "vehicleDistanceKm": 20.000}""");
	}

	@ParameterizedTest
	@CsvSource({ "ODOMETER_ROLLBACK, 422", "IMPLAUSIBLE_DISTANCE, 422", "TIMESTAMP_IN_FUTURE, 422",
			"UNKNOWN_VEHICLE, 422", "REPORT_ID_CONFLICT, 409" })
	void aRejectedReportIsAProblemWithItsCode(ErrorCode code, int status) {
		given(this.ingestion.one(eq(VIN), any())).willReturn(Outcome.rejected("a", code, "Why it was rejected"));
		assertProblem(this.admin.post(REPORTS, REPORT), status, code.name()).extractingPath("$.detail")
			.isEqualTo("Why it was rejected");
	}

	@Test
	void aBatchIsAnsweredItemByItemInTheOrderSent() {
		List<Outcome> outcomes = List.of(Outcome.accepted("b", 20_000, 20_000), Outcome.duplicate("b", 20_000, 20_000),
				Outcome.rejected("x", ErrorCode.ODOMETER_ROLLBACK, "Lower than 1020 km"));
		given(this.ingestion.batch(eq(VIN), any())).willReturn(outcomes);
		MvcTestResult result = this.admin.post(REPORTS + "/batch", "[]");
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"accepted": 1, "duplicates": 1, "rejected": 1, "results": [
				  {"reportId": "b", "status": "ACCEPTED", "creditedKm": 20.000, "code": null, "detail": null},
				  {"reportId": "b", "status": "DUPLICATE", "creditedKm": 20.000, "code": null, "detail": null},
				  {"reportId": "x", "status": "REJECTED", "creditedKm": null, "code": "ODOMETER_ROLLBACK",
				   "detail": "Lower than 1020 km"}]}""");
	}

	@Test
	void aGatewayBatchNamesNoVehicle() {
		assertThat(this.gateway.post("/api/v1/reports/batch", "[]")).hasStatusOk();
		then(this.ingestion).should().batch(isNull(), any(JsonNode.class));
	}

	@Test
	void aBatchOfMoreThanTheServiceTakesIsAProblem() {
		given(this.ingestion.batch(eq(VIN), any()))
			.willThrow(new FleetException(ErrorCode.BATCH_TOO_LARGE, "At most 1000"));
		assertProblem(this.admin.post(REPORTS + "/batch", "[]"), 400, "BATCH_TOO_LARGE");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"reportId\":", "not json", "{\"odometerKm\": NaN}" })
	void malformedJsonIsAMalformedRequest(String body) {
		assertProblem(this.admin.post(REPORTS, body), 400, "MALFORMED_REQUEST").extractingPath("$.detail")
			.isEqualTo("The body is not valid JSON of the expected shape");
		verifyNoInteractions(this.ingestion);
	}

	@Test
	void aMissingBodyIsAMalformedRequest() {
		assertProblem(this.admin.post(REPORTS, ""), 400, "MALFORMED_REQUEST").extractingPath("$.detail")
			.isEqualTo("The request body is missing or unreadable");
		verifyNoInteractions(this.ingestion);
	}

	@Test
	void aVinOfThePathThatIsNoVinIsNamed() {
		assertProblem(this.admin.post("/api/v1/vehicles/sjnfaaze0u6000001/reports", REPORT), 400, "INVALID_FIELD")
			.extractingPath("$.field")
			.isEqualTo("vin");
		verifyNoInteractions(this.ingestion);
	}

	@Test
	void aBodyOverItsLimitIsTooLarge() {
		String padding = "x".repeat(70 * 1024);
		assertProblem(this.admin.post(REPORTS, "{\"comment\": \"" + padding + "\"}"), 413, "PAYLOAD_TOO_LARGE")
			.extractingPath("$.detail")
			.isEqualTo("The request body is larger than 65536 bytes");
		assertProblem(this.admin.post(REPORTS + "/batch", "[{\"comment\": \"" + "y".repeat(1100 * 1024) + "\"}]"), 413,
				"PAYLOAD_TOO_LARGE");
		verifyNoInteractions(this.ingestion);
		// a batch may be larger than a single report
		assertThat(this.admin.post(REPORTS + "/batch", "[{\"comment\": \"" + padding + "\"}]")).hasStatusOk();
	}

}
