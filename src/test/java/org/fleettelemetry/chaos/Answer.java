package org.fleettelemetry.chaos;

import java.util.List;

/**
 * What became of one sending of a request, as a Jepsen-style history records it: ok (a
 * 2xx with an outcome per report), failed (an answer that says nothing was stored: a 4xx,
 * a 503 {@code SERVICE_UNAVAILABLE}, or a connection refused, so never sent), or unknown
 * (no answer, a reset, a time-out, a 503 {@code OUTCOME_UNKNOWN}, or any other 5xx): the
 * request may or may not have been stored.
 */
record Answer(Outcome outcome, int status, String code, List<Item> items) {

	enum Outcome {

		OK, FAILED, UNKNOWN

	}

	/**
	 * One report's outcome: {@code ACCEPTED}, {@code DUPLICATE} or {@code REJECTED}, and
	 * the metres the service said it credited (as first credited, for a duplicate).
	 */
	record Item(String status, long creditedM) {

	}

	static Answer failed(int status, String code) {
		return new Answer(Outcome.FAILED, status, code, List.of());
	}

	static Answer unknown(int status, String code) {
		return new Answer(Outcome.UNKNOWN, status, code, List.of());
	}

}
