package org.fleettelemetry.ingestion;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fleettelemetry.web.FastPath;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The fast path of {@code POST /api/v1/vehicles/{vin}/reports}, the busiest endpoint: it
 * calls {@link ReportController#report} and writes its answer. It takes UTF-8 JSON bodies
 * for plainly well-formed VINs; any other request (another content type, a
 * percent-encoded VIN) goes on to Spring MVC.
 */
@Component
class SingleReportFastPath implements FastPath {

	private final ReportController reports;

	private final JsonMapper json;

	private final ObjectReader reader;

	SingleReportFastPath(ReportController reports, JsonMapper json) {
		this.reports = reports;
		this.json = json;
		this.reader = json.readerFor(JsonNode.class);
	}

	@Override
	public boolean answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String vin = ReportPaths.singleReportVin(request);
		if (vin == null || !utf8Json(request.getContentType())) {
			return false;
		}
		ResponseEntity<ReportAnswers.Single> answer = this.reports.report(vin, body(request));
		FastPath.writeJson(response, answer.getStatusCode().value(), this.json.writeValueAsBytes(answer.getBody()));
		return true;
	}

	/**
	 * The body as Spring MVC reads a {@code @RequestBody JsonNode}, failing as it does.
	 */
	private JsonNode body(HttpServletRequest request) {
		byte[] bytes;
		try {
			bytes = request.getInputStream().readAllBytes();
		}
		catch (IOException ex) {
			throw new HttpMessageNotReadableException("I/O error while reading input message", ex,
					new ServletServerHttpRequest(request));
		}
		if (bytes.length == 0) {
			throw new HttpMessageNotReadableException("Required request body is missing",
					new ServletServerHttpRequest(request));
		}
		try {
			return this.reader.readValue(bytes);
		}
		catch (JacksonException ex) {
			throw new HttpMessageNotReadableException("JSON parse error: " + ex.getOriginalMessage(), ex,
					new ServletServerHttpRequest(request));
		}
	}

	/**
	 * {@code application/json}, in UTF-8 (its default): what the cars and gateways send.
	 */
	private static boolean utf8Json(String contentType) {
		if (contentType == null) {
			return false;
		}
		String type = contentType.replace(" ", "").toLowerCase(Locale.ROOT);
		return type.equals("application/json") || type.equals("application/json;charset=utf-8");
	}

}
