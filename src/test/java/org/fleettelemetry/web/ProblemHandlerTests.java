package org.fleettelemetry.web;

import java.util.List;

import org.fleettelemetry.fleet.FleetFigures;
import org.fleettelemetry.support.WebSliceTests;
import org.fleettelemetry.vehicles.Vehicles;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fleettelemetry.support.ProblemAssertions.assertProblem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Every failure Spring MVC meets is answered with a problem detail and its code, never a
 * page or a stack trace ({@link ProblemHandler}), on the web slice: failures of the
 * request itself, and of the services behind the controllers (stubbed to fail).
 */
class ProblemHandlerTests extends WebSliceTests {

	static final String VIN = "SJNFAAZE0U6000001";

	@Autowired
	Vehicles vehicles;

	@Autowired
	FleetFigures figures;

	@Test
	void anUnknownPathIsAProblemNotAPage() {
		assertProblem(this.admin.get("/api/v1/nothing-here"), 404, "NOT_FOUND").extractingPath("$.detail")
			.isEqualTo("No resource at api/v1/nothing-here");
	}

	@Test
	void aMethodThePathDoesNotTakeIsAProblem() {
		assertProblem(this.admin.delete("/api/v1/fleet/summary"), 405, "METHOD_NOT_ALLOWED").extractingPath("$.detail")
			.isEqualTo("Request method 'DELETE' is not supported");
	}

	@Test
	void aBodyOfAnotherMediaTypeIsAProblem() {
		assertProblem(this.admin.post("/api/v1/vehicles", "text/plain", "vin=" + VIN), 415, "UNSUPPORTED_MEDIA_TYPE")
			.extractingPath("$.detail")
			.asString()
			.isEqualTo("Send application/json; this body says text/plain");
		verifyNoInteractions(this.vehicles);
	}

	@Test
	void anAnswerInNoAcceptableMediaTypeIsAProblem() {
		given(this.figures.daily(any(), any())).willReturn(List.of());
		assertProblem(this.admin.get("/api/v1/fleet/daily", "application/xml"), 406, "NOT_ACCEPTABLE");
	}

	@Test
	void aFieldOfTheWrongTypeIsNamed() {
		assertProblem(this.admin.post("/api/v1/vehicles", "{\"vin\": \"" + VIN + "\", \"odometerKm\": \"far\"}"), 400,
				"INVALID_FIELD")
			.isLenientlyEqualTo(
					"{\"field\": \"odometerKm\", \"detail\": \"odometerKm: must be a JSON number such as 12345.678\"}");
		assertProblem(this.admin.post("/api/v1/vehicles/" + VIN + "/odometer-resets",
				"{\"odometerKm\": 0, \"effectiveAt\": \"yesterday\"}"), 400, "INVALID_FIELD")
			.extractingPath("$.field")
			.isEqualTo("effectiveAt");
		verifyNoInteractions(this.vehicles);
	}

	@Test
	void aBodyThatIsNoJsonIsAMalformedRequest() {
		assertProblem(this.admin.post("/api/v1/vehicles", "{\"vin\": "), 400, "MALFORMED_REQUEST")
			.extractingPath("$.detail")
			.isEqualTo("The body is not valid JSON of the expected shape");
		verifyNoInteractions(this.vehicles);
	}

	@Test
	void aDatabaseUnavailableForAMomentIsA503ToRetry() {
		given(this.vehicles.view(VIN)).willThrow(new CannotGetJdbcConnectionException("Connection refused"));
		given(this.figures.daily(any(), any())).willThrow(new QueryTimeoutException("canceling statement"));
		for (MvcTestResult result : List.of(this.admin.get("/api/v1/vehicles/" + VIN),
				this.admin.get("/api/v1/fleet/daily"))) {
			assertThat(result).hasHeader(HttpHeaders.RETRY_AFTER, "1");
			assertProblem(result, 503, "SERVICE_UNAVAILABLE").extractingPath("$.detail")
				.isEqualTo("The database is unavailable for a moment; retry shortly");
		}
	}

	@Test
	void anUnexpectedFailureIsA500ThatTellsNothingOfIt() {
		given(this.vehicles.view(VIN)).willThrow(new IllegalStateException("a secret of the service"));
		MvcTestResult result = this.admin.get("/api/v1/vehicles/" + VIN);
		assertProblem(result, 500, "INTERNAL_ERROR").extractingPath("$.detail")
			.isEqualTo("The service failed to handle the request; it has been logged");
		assertThat(result).bodyText().doesNotContain("secret").doesNotContain("IllegalStateException");
	}

}
