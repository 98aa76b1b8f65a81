package org.fleettelemetry.web;

import java.util.List;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

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

	static String reason(DatabindException ex) {
		if (ex instanceof InvalidFormatException format) {
			return "cannot be read as " + format.getTargetType().getSimpleName();
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return "expected " + mismatch.getTargetType().getSimpleName();
		}
		return "has the wrong type";
	}

}
