package org.fleettelemetry.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.fleettelemetry.shared.ErrorCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Writes a problem detail straight to a servlet response, for the filters that answer
 * before Spring MVC is reached (authentication, body size).
 */
@Component
public class ProblemWriter {

	private final JsonMapper json;

	ProblemWriter(JsonMapper json) {
		this.json = json;
	}

	public void write(HttpServletResponse response, ErrorCode code, String detail) throws IOException {
		Problems.headers(code).forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		write(response, Problems.of(code, detail));
	}

	void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		// written, not closed: the response completes once the filter chain has
		// unwound, so that the filters around this one (timings) finish before the
		// client has its answer
		response.getOutputStream().write(this.json.writeValueAsBytes(problem));
	}

}
