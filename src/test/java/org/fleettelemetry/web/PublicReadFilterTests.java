package org.fleettelemetry.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link PublicReadFilter} on its own: which requests it takes, and what it writes and
 * records when the read answers, fails in a way the exception handlers answer, or fails
 * otherwise.
 */
class PublicReadFilterTests {

	private static final String PATH = "/api/v1/fleet/summary";

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	/**
	 * Answers an {@link UnsupportedOperationException} with 503, as the application's
	 * handlers answer theirs.
	 */
	private final HandlerExceptionResolver resolver = (request, response, handler, ex) -> {
		if (!(ex instanceof UnsupportedOperationException)) {
			return null;
		}
		response.setStatus(503);
		return new ModelAndView();
	};

	@Test
	void answersAPlainGetWithTheReadAndTheSecurityHeaders() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		filter(() -> "{\"a\":1}".getBytes(StandardCharsets.UTF_8)).doFilter(get(PATH), response, chain);
		assertThat(chain.getRequest()).isNull();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/json");
		assertThat(response.getContentAsString()).isEqualTo("{\"a\":1}");
		assertThat(response.getHeader("X-Test")).isEqualTo("yes");
		assertThat(this.meters.get("http.server.requests")
			.tags("method", "GET", "uri", PATH, "status", "200", "outcome", "SUCCESS", "exception", "none", "error",
					"none")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void leavesEveryOtherRequestToTheFiltersAfterIt() throws Exception {
		PublicReadFilter filter = filter(() -> {
			throw new AssertionError("not to be read");
		});
		MockHttpServletRequest post = get(PATH);
		post.setMethod("POST");
		MockHttpServletRequest html = get(PATH);
		html.addHeader("Accept", "text/html");
		MockHttpServletRequest withToken = get(PATH);
		withToken.addHeader("Authorization", "Bearer some-token");
		for (MockHttpServletRequest request : List.of(post, html, withToken, get(PATH + "/"), get(PATH + ";x=1"),
				get("/api/v1/fleet/summary2"), get("/api/v1/fleet/daily"))) {
			MockFilterChain chain = new MockFilterChain();
			MockHttpServletResponse response = new MockHttpServletResponse();
			filter.doFilter(request, response, chain);
			assertThat(chain.getRequest()).as(request.getMethod() + " " + request.getRequestURI()).isSameAs(request);
			assertThat(response.getHeader("X-Test")).isNull();
		}
		assertThat(this.meters.find("http.server.requests").timers()).isEmpty();
	}

	@Test
	void takesThePathAfterTheContextPath() throws Exception {
		MockHttpServletRequest request = get("/fleet" + PATH);
		request.setContextPath("/fleet");
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		filter(() -> new byte[] { '1' }).doFilter(request, response, chain);
		assertThat(chain.getRequest()).isNull();
		assertThat(response.getContentAsString()).isEqualTo("1");
	}

	@Test
	void aFailureTheHandlersAnswerIsTimedWithTheirStatus() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter(() -> {
			throw new UnsupportedOperationException("busy");
		}).doFilter(get(PATH), response, new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("X-Test")).isEqualTo("yes");
		assertThat(this.meters.get("http.server.requests")
			.tags("uri", PATH, "status", "503", "outcome", "SERVER_ERROR", "exception", "none", "error", "none")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void aFailureNoHandlerAnswersGoesOnAndIsTimedAsA500() {
		PublicReadFilter filter = filter(() -> {
			throw new IllegalStateException("broken");
		});
		assertThatIllegalStateException()
			.isThrownBy(() -> filter.doFilter(get(PATH), new MockHttpServletResponse(), new MockFilterChain()))
			.withMessage("broken");
		assertThat(this.meters.get("http.server.requests")
			.tags("uri", PATH, "status", "500", "outcome", "SERVER_ERROR", "exception", "IllegalStateException",
					"error", "IllegalStateException")
			.timer()
			.count()).isEqualTo(1);
	}

	private PublicReadFilter filter(Supplier<byte[]> read) {
		return new PublicReadFilter(List.of(new PublicRead(PATH, () -> new PublicRead.Body(read.get(), null))),
				this.resolver, new StaticHeadersWriter("X-Test", "yes"), this.meters,
				new CorsRules(new WebSettings(true, new WebSettings.Cors(List.of())), new ProblemWriter(null)));
	}

	private static MockHttpServletRequest get(String uri) {
		return new MockHttpServletRequest("GET", uri);
	}

}
