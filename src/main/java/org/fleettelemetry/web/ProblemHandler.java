package org.fleettelemetry.web;

import org.apache.catalina.connector.ClientAbortException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.shared.FleetException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.util.DisconnectedClientHelper;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into an RFC 9457 problem detail with a {@code code}: never a stack
 * trace, never HTML.
 */
@RestControllerAdvice
class ProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> fleet(FleetException ex) {
		String field = ex.field();
		ProblemDetail problem;
		if (field != null) {
			problem = Problems.invalidField(field, ex.getMessage());
		}
		else if (ex.isRejectedReport()) {
			problem = Problems.rejectedReport(ex.code(), ex.getMessage());
		}
		else {
			problem = Problems.of(ex.code(), ex.getMessage());
		}
		return answer(problem).headers(Problems.headers(ex.code(), ex.retryAfterSeconds())).body(problem);
	}

	/**
	 * The database is unreachable or overloaded for a moment (no connection could even
	 * start a transaction, say): the client may retry, and retries are safe. The same
	 * exceptions as {@link Problems#databaseUnavailable}.
	 */
	@ExceptionHandler({ TransientDataAccessException.class, DataAccessResourceFailureException.class,
			CannotCreateTransactionException.class })
	ResponseEntity<ProblemDetail> database(NestedRuntimeException ex) {
		log.warn("Database unavailable: {}", ex.getMessage());
		return unavailable(Problems.DATABASE_UNAVAILABLE);
	}

	private static ResponseEntity<ProblemDetail> unavailable(String detail) {
		return answer(Problems.of(ErrorCode.SERVICE_UNAVAILABLE, detail), ErrorCode.SERVICE_UNAVAILABLE);
	}

	/**
	 * The problem with its status and the headers its code calls for, as
	 * {@code application/problem+json} whatever the request's {@code Accept} says: an
	 * {@code Accept} that cannot be parsed ({@code garbage}, {@code *}{@code /json}) or
	 * met left the error without a body.
	 */
	private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, ErrorCode code) {
		return answer(problem).headers(Problems.headers(code)).body(problem);
	}

	private static ResponseEntity.BodyBuilder answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private static ResponseEntity<ProblemDetail> answered(ProblemDetail problem) {
		return answer(problem).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof PayloadTooLargeException tooLarge) {
				return answered(Problems.of(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage()));
			}
			if (cause instanceof StreamReadException read && read.getOriginalMessage().startsWith("Duplicate ")) {
				// a gateway that checked the first "vin" and a service that took the last
				// would disagree on the car: neither is taken
				return answered(Problems.of(ErrorCode.MALFORMED_REQUEST,
						"A key is given twice in one JSON object: " + read.getOriginalMessage()));
			}
			if (cause instanceof DatabindException bind && !bind.getPath().isEmpty()) {
				String field = JsonPaths.describe(bind.getPath());
				return answered(Problems.invalidField(field, field + ": " + JsonPaths.reason(bind)));
			}
		}
		boolean json = ex.getCause() instanceof JacksonException;
		return answered(Problems.of(ErrorCode.MALFORMED_REQUEST, json
				? "The body is not valid JSON of the expected shape" : "The request body is missing or unreadable"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException ex) {
		return answered(Problems.invalidField(ex.getParameterName(), ex.getParameterName() + ": is required"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> parameterType(MethodArgumentTypeMismatchException ex) {
		return answered(Problems.invalidField(ex.getName(),
				ex.getName() + ": cannot be read as " + ex.getRequiredType().getSimpleName()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NoResourceFoundException ex) {
		return answered(Problems.of(ErrorCode.NOT_FOUND, "No resource at " + ex.getResourcePath()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException ex) {
		ProblemDetail problem = Problems.of(ErrorCode.METHOD_NOT_ALLOWED, ex.getMessage());
		return answer(problem).allow(ex.getSupportedHttpMethods().toArray(HttpMethod[]::new)).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException ex) {
		return answered(Problems.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send application/json"));
	}

	/**
	 * An answer no converter can write in the form the client asked for (JSON in UTF-16,
	 * say): the client's choice, not the service's failure. An answer cut because the
	 * client hung up while it was written is no failure either (Jackson wraps Tomcat's
	 * {@link ClientAbortException}; Spring's {@link DisconnectedClientHelper} looks
	 * through the causes). Any other failure to write an answer stays a 500.
	 */
	@ExceptionHandler
	@Nullable ResponseEntity<ProblemDetail> notWritable(HttpMessageNotWritableException ex) {
		if (ex.getCause() == null) {
			return answered(Problems.of(ErrorCode.NOT_ACCEPTABLE, "Ask for application/json in UTF-8"));
		}
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			clientGone(ex);
			return null;
		}
		return unexpected(ex);
	}

	/**
	 * A query string Tomcat cannot decode ({@code %zz}, a bare {@code %}, {@code =1}):
	 * Tomcat fails when a parameter is first read, which was a 500.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> parameters(InvalidParameterException ex) {
		return answered(Problems.of(ErrorCode.MALFORMED_REQUEST,
				"The query string cannot be read: parameters must be percent-encoded UTF-8"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> acceptable(HttpMediaTypeNotAcceptableException ex) {
		return answered(Problems.of(ErrorCode.NOT_ACCEPTABLE, ex.getMessage()));
	}

	/**
	 * A client that hung up before its answer was written: nothing can be answered, and
	 * nothing went wrong here, so it is no error in the log (it was an ERROR with a stack
	 * trace of 130 lines).
	 */
	@ExceptionHandler({ ClientAbortException.class, AsyncRequestNotUsableException.class })
	@Nullable ProblemDetail clientGone(Exception ex) {
		log.debug("The client went away before its answer was written: {}", ex.toString());
		return null;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected failure", ex);
		String traceId = Problems.traceId();
		return answered(
				Problems.of(ErrorCode.INTERNAL_ERROR, "The service failed to handle the request; it has been logged"
						+ ((traceId != null) ? " with trace id " + traceId : "")));
	}

}
