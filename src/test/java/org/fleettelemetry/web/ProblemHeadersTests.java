package org.fleettelemetry.web;

import java.io.IOException;

import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.shared.FleetException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemHeadersTests {

	@Test
	void aRefusedTokenSaysHowToAuthenticateWhoeverAnswers() throws IOException {
		ResponseEntity<ProblemDetail> handled = new ProblemHandler()
			.fleet(new FleetException(ErrorCode.UNAUTHORIZED, "This endpoint needs a token"));
		MockHttpServletResponse written = new MockHttpServletResponse();
		new ProblemWriter(JsonMapper.builder().build()).write(written, ErrorCode.UNAUTHORIZED, "Needs a token");

		assertThat(handled.getStatusCode().value()).isEqualTo(401);
		assertThat(handled.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
		assertThat(written.getStatus()).isEqualTo(401);
		assertThat(written.getHeader(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
	}

	@Test
	void anUnavailableServiceSaysWhenToRetryWhoeverAnswers() throws IOException {
		ResponseEntity<ProblemDetail> handled = new ProblemHandler()
			.fleet(new FleetException(ErrorCode.SERVICE_UNAVAILABLE, "At capacity"));
		MockHttpServletResponse written = new MockHttpServletResponse();
		new ProblemWriter(JsonMapper.builder().build()).write(written, ErrorCode.SERVICE_UNAVAILABLE, "At capacity");

		assertThat(handled.getStatusCode().value()).isEqualTo(503);
		assertThat(handled.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(handled.getBody().getProperties()).containsEntry("code", "SERVICE_UNAVAILABLE");
		assertThat(written.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
	}

	@Test
	void otherProblemsCarryNoSuchHeaders() {
		ResponseEntity<ProblemDetail> handled = new ProblemHandler().fleet(FleetException.invalidField("vin", "bad"));

		assertThat(handled.getStatusCode().value()).isEqualTo(400);
		assertThat(handled.getHeaders().headerNames()).doesNotContain(HttpHeaders.WWW_AUTHENTICATE,
				HttpHeaders.RETRY_AFTER);
		assertThat(handled.getBody().getProperties()).containsEntry("field", "vin");
	}

}
