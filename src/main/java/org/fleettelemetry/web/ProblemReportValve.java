package org.fleettelemetry.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report, written as a problem detail rather than an HTML page: what
 * Tomcat refuses before the application sees it (an encoded {@code /} or {@code \} in a
 * path, headers over 8 KB, a negative Content-Length, {@code CONNECT}) answers like every
 * other error. Tomcat makes it from its class name, so it builds its JSON itself.
 */
public class ProblemReportValve extends ErrorReportValve {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		ProblemDetail problem = Problems.forStatus(status, "The request was refused before it reached the service: "
				+ ((response.getMessage() != null) ? response.getMessage() : "status " + status));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", status);
		body.put("detail", problem.getDetail());
		body.putAll(problem.getProperties());
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(JSON.writeValueAsString(body));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response was committed meanwhile: nothing to tell
		}
	}

}
