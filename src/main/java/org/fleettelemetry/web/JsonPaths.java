package org.fleettelemetry.web;

import java.time.temporal.Temporal;
import java.util.List;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Names the field a JSON binding failure is about, as a client would write it
 * ({@code [3].odometerKm}).
 */
final class JsonPaths {

	private JsonPaths() {
	}

	static String describe(List<tools.jackson.core.JacksonException.Reference> path) {
		StringBuilder field = new StringBuilder();
		for (var reference : path) {
			if (reference.getPropertyName() != null) {
				field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return field.toString();
	}

	/**
	 * What was wrong, saying the form the contract expects where there is one.
	 */
	static String reason(DatabindException ex) {
		if (ex instanceof UnrecognizedPropertyException) {
			return "is not a field of this request";
		}
		Class<?> target = (ex instanceof MismatchedInputException mismatch) ? mismatch.getTargetType() : null;
		if (target == null) {
			return "has the wrong type";
		}
		if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
			return "must be a JSON number such as 12345.678";
		}
		if (Temporal.class.isAssignableFrom(target)) {
			return "must be an ISO-8601 instant such as 2014-09-30T10:00:00Z";
		}
		if (target == String.class) {
			return "must be a JSON string";
		}
		return "cannot be read as " + target.getSimpleName();
	}

}
