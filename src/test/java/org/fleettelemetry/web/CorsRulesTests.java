package org.fleettelemetry.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CorsRules}: any origin for the public reads, the listed ones for the rest, and a
 * preflight answered without a token.
 */
class CorsRulesTests {

	static final String LISTED = "https://ops.example.com";

	final CorsRules rules = new CorsRules(new WebSettings(true, new WebSettings.Cors(List.of(LISTED))),
			new ProblemWriter(JsonMapper.builder().build()));

	MockHttpServletResponse preflight(String path, String origin, String method) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("OPTIONS", path);
		request.addHeader("Origin", origin);
		request.addHeader("Access-Control-Request-Method", method);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.rules.filter().doFilter(request, response, new MockFilterChain());
		return response;
	}

	@Test
	void letsAnyOriginReadThePublicReadsAndThePage() throws Exception {
		for (String path : List.of("/api/v1/fleet/summary", "/api/v1/fleet/daily", "/api/v1/fleet/countries",
				"/api/v1/fleet/leaders", "/api/v1/fleet/stream", "/api/v1/milestones", "/")) {
			MockHttpServletResponse response = preflight(path, "https://anyone.example.org", "GET");
			assertThat(response.getStatus()).as(path).isEqualTo(200);
			assertThat(response.getHeader("Access-Control-Allow-Origin")).as(path).isEqualTo("*");
		}
	}

	@Test
	void letsOnlyTheListedOriginsCallTheOtherEndpoints() throws Exception {
		MockHttpServletResponse listed = preflight("/api/v1/vehicles", LISTED, "POST");
		assertThat(listed.getStatus()).isEqualTo(200);
		assertThat(listed.getHeader("Access-Control-Allow-Origin")).isEqualTo(LISTED);

		MockHttpServletResponse other = preflight("/api/v1/vehicles", "https://anyone.example.org", "POST");
		assertThat(other.getStatus()).isEqualTo(403);
		assertThat(other.getContentType()).isEqualTo("application/problem+json");
		assertThat(other.getContentAsString()).contains("\"code\":\"FORBIDDEN\"");
		assertThat(other.getHeader("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void letsNoOriginWriteThroughThePublicPaths() throws Exception {
		assertThat(preflight("/api/v1/fleet/summary", "https://anyone.example.org", "DELETE").getStatus())
			.isEqualTo(403);
	}

}
