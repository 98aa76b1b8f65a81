package org.fleettelemetry.web;

import java.util.List;
import java.util.Random;

import org.fleettelemetry.support.IntegrationTests;

/**
 * What a careless or hostile client puts in the headers of a valid request: content types
 * and charsets the service does not read, odd {@code Accept}s, credentials that are not,
 * a Content-Length that lies, headers too large or too many.
 */
final class HeaderMutations {

	private static final List<String> CONTENT_TYPES = List.of("application/*", "*/*", "*", "text/plain",
			"application/json; charset=ISO-8859-1", "application/json;charset=utf-16",
			"application/json; charset=bogus", "application/JSON", "Application/Json; Charset=UTF-8",
			"application/problem+json", "application/merge-patch+json", "application/x-www-form-urlencoded",
			"multipart/form-data; boundary=x", "application/yaml", "application/xml", "text/csv", "application/cbor",
			"application/x-ndjson", "", ";;;", "application/json, text/plain", "application/json; q=0.1", "json",
			"application/json\u00ff", "text/event-stream", "application/octet-stream");

	private static final List<String> ACCEPTS = List.of("text/csv", "application/xml", "text/html", "*/*",
			"application/*", "image/png", "text/event-stream", "application/json;q=0", "garbage", "",
			"application/problem+json", "text/csv;q=0.5, application/json", "text/*", "*/json", "application/yaml",
			"application/json;charset=utf-16", "text/csv; charset=latin1");

	private static final List<String> ODD_HEADERS = List.of("Accept-Charset: utf-32", "Accept-Encoding: gzip, br",
			"Content-Encoding: gzip", "If-None-Match: \"garbage\"", "If-None-Match: *", "Origin: https://evil.example",
			"Origin: null", "traceparent: 00-zzzz-yyyy-01",
			"traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
			"X-Forwarded-For: 10.0.0.1, garbage", "X-HTTP-Method-Override: DELETE", "Range: bytes=0-10",
			"Expect: 100-continue", "Transfer-Encoding: gzip", "Cookie: JSESSIONID=abc");

	private final Random random;

	HeaderMutations(Random random) {
		this.random = random;
	}

	void mutate(FuzzRequest request) {
		switch (this.random.nextInt(7)) {
			case 0 -> {
				String type = pick(CONTENT_TYPES);
				request.header("Content-Type", type);
				request.mutations.add("Content-Type: " + type);
			}
			case 1 -> {
				String accept = pick(ACCEPTS);
				request.header("Accept", accept);
				request.mutations.add("Accept: " + accept);
			}
			case 2 -> credentials(request);
			case 3 -> contentLength(request);
			case 4 -> {
				String[] odd = pick(ODD_HEADERS).split(": ", 2);
				request.header(odd[0], odd[1]);
				request.mutations.add(odd[0] + ": " + odd[1]);
			}
			case 5 -> {
				int size = pick(List.of(4_000, 9_000, 70_000));
				request.header("X-Padding", "a".repeat(size));
				request.mutations.add("a header of " + size + " bytes");
			}
			default -> {
				int count = pick(List.of(50, 120));
				for (int i = 0; i < count; i++) {
					request.headers.add(new String[] { "X-Many-" + i, "1" });
				}
				request.mutations.add(count + " more headers");
			}
		}
	}

	/** No token, a garbled one, another scheme, or bytes no header should carry. */
	void credentials(FuzzRequest request) {
		String authorization = pick(List.of("", "Bearer", "Bearer ", "bearer " + IntegrationTests.ADMIN_TOKEN,
				"Basic YWRtaW46YWRtaW4=", "Bearer " + IntegrationTests.ADMIN_TOKEN + "x", "Bearer garbage",
				"Bearer " + "t".repeat(5_000), "Bearer \u00ff\u00fe", "Bearer a\u0001b",
				"Bearer " + IntegrationTests.GATEWAY_TOKEN, "Bearer " + IntegrationTests.ADMIN_TOKEN + ", Bearer other",
				"Token " + IntegrationTests.ADMIN_TOKEN));
		request.headers.removeIf((h) -> h[0].equalsIgnoreCase("Authorization"));
		if (this.random.nextInt(4) > 0) {
			request.header("Authorization", authorization);
			request.mutations.add("Authorization: " + abbreviated(authorization));
		}
		else {
			request.mutations.add("no Authorization");
		}
	}

	/** A Content-Length that says more or less than the body, or nothing sensible. */
	private void contentLength(FuzzRequest request) {
		byte[] body = request.body();
		int length = (body != null) ? body.length : 0;
		String said = pick(List.of(String.valueOf(length + 10), String.valueOf(Math.max(0, length - 5)), "-1", "abc",
				"99999999999999999999", length + ", " + length, "0"));
		request.contentLength = said;
		request.mayGoUnanswered = true;
		request.mutations.add("Content-Length: " + said);
	}

	private static String abbreviated(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "..." : value;
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

}
