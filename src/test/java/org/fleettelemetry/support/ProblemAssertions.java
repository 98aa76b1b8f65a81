package org.fleettelemetry.support;

import org.springframework.http.MediaType;
import org.springframework.test.json.AbstractJsonContentAssert;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions on the answers of the web slices ({@link WebSliceTests}) that are problem
 * details (RFC 9457).
 */
public final class ProblemAssertions {

	private ProblemAssertions() {
	}

	/**
	 * Asserts that {@code result} is a problem detail of {@code status} with
	 * {@code code}, and answers its body for further checks.
	 */
	public static AbstractJsonContentAssert<?> assertProblem(MvcTestResult result, int status, String code) {
		assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return assertThat(result).bodyJson()
			.isLenientlyEqualTo("{\"status\": %d, \"code\": \"%s\"}".formatted(status, code));
	}

}
