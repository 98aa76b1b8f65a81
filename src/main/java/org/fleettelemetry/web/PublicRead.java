package org.fleettelemetry.web;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A public JSON read that dashboards poll, answered by {@link PublicReadFilter} ahead of
 * every other filter: {@code GET} of exactly {@code path}, whose answer is {@code read}'s
 * body.
 *
 * @param path the endpoint's path after the context path, which has no variables; also
 * the {@code uri} of its {@code http.server.requests} timer
 * @param read the endpoint's controller method: the JSON body of a 200 and its ETag, or a
 * failure as Spring MVC would see it
 */
public record PublicRead(String path, Supplier<Body> read) {

	/**
	 * An answer of a public read.
	 *
	 * @param json its JSON
	 * @param etag its strong entity tag (quoted), or {@code null} for none; a request
	 * whose {@code If-None-Match} matches it is answered 304
	 */
	public record Body(byte[] json, @Nullable String etag) {
	}

}
