package org.fleettelemetry.web;

import java.util.function.Supplier;

/**
 * A public JSON read that dashboards poll, answered by {@link PublicReadFilter} ahead of
 * every other filter: {@code GET} of exactly {@code path}, whose answer is {@code read}'s
 * body.
 *
 * @param path the endpoint's path after the context path, which has no variables; also
 * the {@code uri} of its {@code http.server.requests} timer
 * @param read the endpoint's controller method: the JSON body of a 200, or a failure as
 * Spring MVC would see it
 */
public record PublicRead(String path, Supplier<byte[]> read) {
}
