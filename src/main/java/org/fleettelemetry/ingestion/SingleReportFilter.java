package org.fleettelemetry.ingestion;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The fast path of the busiest endpoint, {@code POST /api/v1/vehicles/{vin}/reports}: the last
 * filter, after authentication and authorization, calls {@link ReportController#report} itself and
 * writes its answer, skipping Spring MVC's handler look-up, argument resolution and message
 * conversion, which took more CPU than the crediting. Its failures are answered by the same
 * exception handlers as Spring MVC's, so the answers are the same. Requests out of the ordinary (a
 * content type other than UTF-8 JSON, an {@code Accept} other than JSON or anything, a VIN that is not
 * plainly well-formed) go on to Spring MVC. {@code fleet.ingestion.fast-path=false} sends every
 * request there.
 */
@Component
@ConditionalOnBooleanProperty(name = "fleet.ingestion.fast-path", matchIfMissing = true)
@Order(Ordered.LOWEST_PRECEDENCE)
class SingleReportFilter extends OncePerRequestFilter {

	private final ReportController reports;

	private final JsonMapper json;

	private final ObjectReader reader;

	private final HandlerExceptionResolver exceptions;

	SingleReportFilter(ReportController reports, JsonMapper json,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptions) {
		this.reports = reports;
		this.json = json;
		this.reader = json.readerFor(JsonNode.class);
		this.exceptions = exceptions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String vin = ReportPaths.singleReportVin(request);
		if (vin == null || !utf8Json(request.getContentType()) || !acceptsJson(request.getHeader(HttpHeaders.ACCEPT))) {
			chain.doFilter(request, response);
			return;
		}
		try {
			ResponseEntity<ReportAnswers.Single> answer = this.reports.report(vin, body(request));
			response.setStatus(answer.getStatusCode().value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			// written, not closed: the filters around this one finish before the client has its answer
			response.getOutputStream().write(this.json.writeValueAsBytes(answer.getBody()));
		}
		catch (RuntimeException ex) {
			if (this.exceptions.resolveException(request, response, null, ex) == null) {
				throw ex;
			}
		}
	}

	/** The body as Spring MVC reads a {@code @RequestBody JsonNode}, failing as it does. */
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

	/** {@code application/json}, in UTF-8 (its default): what the cars and gateways send. */
	private static boolean utf8Json(String contentType) {
		if (contentType == null) {
			return false;
		}
		String type = contentType.replace(" ", "").toLowerCase();
		return type.equals("application/json") || type.equals("application/json;charset=utf-8");
	}

	private static boolean acceptsJson(String accept) {
		return accept == null || accept.equals("*/*") || accept.equalsIgnoreCase(MediaType.APPLICATION_JSON_VALUE);
	}

}
