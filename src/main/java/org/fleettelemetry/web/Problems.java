package org.fleettelemetry.web;

import java.util.EnumMap;
import java.util.Map;

import org.fleettelemetry.shared.ErrorCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Builds the RFC 9457 problem details of the service: every one has a {@code code}, and
 * the HTTP status of each code is decided here, in one place.
 */
public final class Problems {

	private static final Map<ErrorCode, HttpStatus> STATUS = new EnumMap<>(ErrorCode.class);

	static {
		STATUS.put(ErrorCode.MALFORMED_REQUEST, HttpStatus.BAD_REQUEST);
		STATUS.put(ErrorCode.INVALID_FIELD, HttpStatus.BAD_REQUEST);
		STATUS.put(ErrorCode.BATCH_TOO_LARGE, HttpStatus.BAD_REQUEST);
		STATUS.put(ErrorCode.PAYLOAD_TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE);
		STATUS.put(ErrorCode.UNAUTHORIZED, HttpStatus.UNAUTHORIZED);
		STATUS.put(ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN);
		STATUS.put(ErrorCode.NOT_FOUND, HttpStatus.NOT_FOUND);
		STATUS.put(ErrorCode.METHOD_NOT_ALLOWED, HttpStatus.METHOD_NOT_ALLOWED);
		STATUS.put(ErrorCode.UNSUPPORTED_MEDIA_TYPE, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		STATUS.put(ErrorCode.NOT_ACCEPTABLE, HttpStatus.NOT_ACCEPTABLE);
		STATUS.put(ErrorCode.VEHICLE_NOT_FOUND, HttpStatus.NOT_FOUND);
		STATUS.put(ErrorCode.VIN_ALREADY_REGISTERED, HttpStatus.CONFLICT);
		STATUS.put(ErrorCode.RESET_OUT_OF_ORDER, HttpStatus.CONFLICT);
		STATUS.put(ErrorCode.REPORT_ID_CONFLICT, HttpStatus.CONFLICT);
		STATUS.put(ErrorCode.UNKNOWN_VEHICLE, HttpStatus.UNPROCESSABLE_CONTENT);
		STATUS.put(ErrorCode.ODOMETER_ROLLBACK, HttpStatus.UNPROCESSABLE_CONTENT);
		STATUS.put(ErrorCode.IMPLAUSIBLE_DISTANCE, HttpStatus.UNPROCESSABLE_CONTENT);
		STATUS.put(ErrorCode.TIMESTAMP_IN_FUTURE, HttpStatus.UNPROCESSABLE_CONTENT);
		// an action on a retired vehicle; a report of one is rejected (422) as any other
		STATUS.put(ErrorCode.VEHICLE_RETIRED, HttpStatus.CONFLICT);
		STATUS.put(ErrorCode.WEBHOOK_NOT_FOUND, HttpStatus.NOT_FOUND);
		STATUS.put(ErrorCode.DELIVERY_NOT_FOUND, HttpStatus.NOT_FOUND);
		STATUS.put(ErrorCode.ALREADY_DELIVERED, HttpStatus.CONFLICT);
		STATUS.put(ErrorCode.ANOMALY_NOT_FOUND, HttpStatus.NOT_FOUND);
		STATUS.put(ErrorCode.NOT_RELEASABLE, HttpStatus.CONFLICT);
		STATUS.put(ErrorCode.ALREADY_RESOLVED, HttpStatus.CONFLICT);
		STATUS.put(ErrorCode.API_KEY_NOT_FOUND, HttpStatus.NOT_FOUND);
		STATUS.put(ErrorCode.SERVICE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE);
		STATUS.put(ErrorCode.OUTCOME_UNKNOWN, HttpStatus.SERVICE_UNAVAILABLE);
		STATUS.put(ErrorCode.INTERNAL_ERROR, HttpStatus.INTERNAL_SERVER_ERROR);
	}

	/**
	 * Where Spring Boot's log correlation keeps the trace id of the request a thread
	 * serves, for its log lines.
	 */
	private static final String TRACE_ID = "traceId";

	private Problems() {
	}

	/**
	 * The trace id of the request being served, the one its log lines carry, or
	 * {@code null} outside a traced request. Read where the log lines read it, so that a
	 * problem's {@code traceId} is exactly what to search the log for.
	 */
	public static @Nullable String traceId() {
		return MDC.get(TRACE_ID);
	}

	/** What a request is told when the database cannot be reached for it. */
	public static final String DATABASE_UNAVAILABLE = "The database is unavailable for a moment; retry shortly";

	/**
	 * Whether a failure is the database being unreachable or overloaded for a moment (no
	 * connection could even start a transaction, say): 503, and retries are safe. The
	 * same exceptions as {@code ProblemHandler#database}, for code that answers before
	 * Spring MVC is reached.
	 */
	public static boolean databaseUnavailable(Throwable failure) {
		return failure instanceof TransientDataAccessException || failure instanceof DataAccessResourceFailureException
				|| failure instanceof CannotCreateTransactionException;
	}

	/** The status of a report that breaks a crediting rule, whatever its code's own. */
	public static final HttpStatus REJECTED_REPORT = HttpStatus.UNPROCESSABLE_CONTENT;

	public static HttpStatus status(ErrorCode code) {
		return STATUS.get(code);
	}

	/**
	 * The headers an answer with this code carries: how to authenticate with a 401, when
	 * to retry with a 503 (a retry is always safe), in a second unless the failure knows
	 * better.
	 */
	public static HttpHeaders headers(ErrorCode code) {
		return headers(code, 1);
	}

	/**
	 * The headers an answer with this code carries, a 503 asking to be retried after
	 * {@code retryAfterSeconds}.
	 */
	public static HttpHeaders headers(ErrorCode code, long retryAfterSeconds) {
		HttpHeaders headers = new HttpHeaders();
		if (code == ErrorCode.UNAUTHORIZED) {
			headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		else if (status(code) == HttpStatus.SERVICE_UNAVAILABLE) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfterSeconds)));
		}
		return headers;
	}

	public static ProblemDetail of(ErrorCode code, String detail) {
		return of(code, status(code), detail);
	}

	/**
	 * A report that cannot be credited: 422, whatever the rule it breaks.
	 */
	public static ProblemDetail rejectedReport(ErrorCode code, String detail) {
		return of(code, REJECTED_REPORT, detail);
	}

	private static ProblemDetail of(ErrorCode code, HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(java.net.URI.create(code.typeUri()));
		problem.setTitle(code.title());
		problem.setProperty("code", code.name());
		problem.setProperty(TRACE_ID, traceId());
		return problem;
	}

	/**
	 * The problem for an error known only by its HTTP status (one the servlet container
	 * or a filter raised before any of the service's code ran), with that status.
	 */
	public static ProblemDetail forStatus(int status, String detail) {
		ErrorCode code = switch (status) {
			case 401 -> ErrorCode.UNAUTHORIZED;
			case 403 -> ErrorCode.FORBIDDEN;
			case 404 -> ErrorCode.NOT_FOUND;
			case 405, 501 -> ErrorCode.METHOD_NOT_ALLOWED;
			case 406 -> ErrorCode.NOT_ACCEPTABLE;
			case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
			case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
			case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
			default -> (status >= 500) ? ErrorCode.INTERNAL_ERROR : ErrorCode.MALFORMED_REQUEST;
		};
		HttpStatus known = HttpStatus.resolve(status);
		return of(code, (known != null) ? known : status(code), detail);
	}

	public static ProblemDetail invalidField(String field, String detail) {
		ProblemDetail problem = of(ErrorCode.INVALID_FIELD, detail);
		problem.setProperty("field", field);
		return problem;
	}

}
