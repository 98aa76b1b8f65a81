package org.fleettelemetry.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;

/**
 * The fast path of one of the busiest endpoints, taken by {@link FastPathFilter}: it
 * answers the ordinary requests of that endpoint itself by calling the endpoint's
 * controller method, so the work is the same, and fails as that method would.
 */
public interface FastPath {

	/**
	 * Answers the request and returns {@code true}, or fails as the controller method
	 * would; returns {@code false}, having written nothing, for a request this fast path
	 * leaves to others. (Its {@code Accept} header has been checked.)
	 */
	boolean answer(HttpServletRequest request, HttpServletResponse response) throws IOException;

	/**
	 * Writes a JSON body; written, not closed, so the filters around finish before the
	 * client has it.
	 */
	static void writeJson(HttpServletResponse response, int status, byte[] json) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(json);
	}

}
