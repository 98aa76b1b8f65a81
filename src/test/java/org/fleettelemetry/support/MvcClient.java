package org.fleettelemetry.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Requests to a web slice ({@link WebSliceTests}) as one caller: with its bearer token,
 * or with none when {@code token} is {@code null}.
 *
 * @param mvc the slice's {@code MockMvc}
 * @param token the caller's bearer token, or {@code null}
 */
public record MvcClient(MockMvcTester mvc, String token) {

	public MvcTestResult get(String path) {
		return withToken(this.mvc.get().uri(path)).exchange();
	}

	/**
	 * A {@code GET} that accepts only {@code accept}.
	 */
	public MvcTestResult get(String path, String accept) {
		return withToken(this.mvc.get().uri(path)).header(HttpHeaders.ACCEPT, accept).exchange();
	}

	public MvcTestResult delete(String path) {
		return withToken(this.mvc.delete().uri(path)).exchange();
	}

	/**
	 * A {@code POST} of {@code json} as {@code application/json}.
	 */
	public MvcTestResult post(String path, String json) {
		return post(path, MediaType.APPLICATION_JSON_VALUE, json);
	}

	public MvcTestResult post(String path, String contentType, String body) {
		return withToken(this.mvc.post().uri(path)).contentType(contentType).content(body).exchange();
	}

	private MockMvcTester.MockMvcRequestBuilder withToken(MockMvcTester.MockMvcRequestBuilder request) {
		return (this.token != null) ? request.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token) : request;
	}

}
