package org.fleettelemetry.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One request of the fuzz test: a valid request of a contract endpoint, then whatever the
 * mutations made of it. Header values and the target are written as ISO-8859-1, so that a
 * mutation can put any byte in them.
 */
final class FuzzRequest {

	/** The contract endpoint it was made for, {@code "METHOD /path"}. */
	final String endpoint;

	String method;

	String target;

	final List<String[]> headers = new ArrayList<>();

	/**
	 * The body as JSON, until a mutation works on its bytes; {@code null} without one.
	 */
	@Nullable JsonNode json;

	/** The body as bytes, once a mutation wrote them; else {@link #json}'s. */
	byte @Nullable [] bytes;

	/** What the Content-Length header says, when a mutation makes it lie. */
	@Nullable String contentLength;

	/** What was done to the valid request, in order. */
	final List<String> mutations = new ArrayList<>();

	/** Whether a mutation made it a request that must be refused (never a 2xx). */
	boolean mustBeRefused;

	/** Whether a mutation changed the method or the path: another endpoint may answer. */
	boolean retargeted;

	/** Whether the connection may close without an answer (a body shorter than said). */
	boolean mayGoUnanswered;

	FuzzRequest(String endpoint, String method, String target) {
		this.endpoint = endpoint;
		this.method = method;
		this.target = target;
	}

	FuzzRequest header(String name, String value) {
		this.headers.removeIf((h) -> h[0].equalsIgnoreCase(name));
		this.headers.add(new String[] { name, value });
		return this;
	}

	@Nullable String header(String name) {
		return this.headers.stream()
			.filter((h) -> h[0].equalsIgnoreCase(name))
			.map((h) -> h[1])
			.findFirst()
			.orElse(null);
	}

	FuzzRequest json(JsonNode body) {
		this.json = body;
		return header("Content-Type", "application/json");
	}

	/** The body that is sent. */
	byte @Nullable [] body() {
		if (this.bytes != null) {
			return this.bytes;
		}
		return (this.json != null) ? Fuzzer.JSON.writeValueAsBytes(this.json) : null;
	}

	boolean hasBody() {
		return this.json != null || this.bytes != null;
	}

	/** The request as it goes on the wire. */
	byte[] wire() {
		StringBuilder head = new StringBuilder();
		head.append(this.method).append(' ').append(this.target).append(" HTTP/1.1\r\nHost: localhost\r\n");
		this.headers.forEach((h) -> head.append(h[0]).append(": ").append(h[1]).append("\r\n"));
		byte[] body = body();
		if (this.contentLength != null) {
			head.append("Content-Length: ").append(this.contentLength).append("\r\n");
		}
		else if (body != null) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("Connection: close\r\n\r\n");
		ByteArrayOutputStream wire = new ByteArrayOutputStream();
		wire.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		if (body != null) {
			wire.writeBytes(body);
		}
		return wire.toByteArray();
	}

	/** The request in a few lines, for a failure message. */
	String describe() {
		String text = new String(wire(), StandardCharsets.ISO_8859_1);
		String shown = (text.length() > 600) ? text.substring(0, 600) + "... (" + text.length() + " bytes)" : text;
		return this.endpoint + " mutated by " + this.mutations + ":\n" + shown;
	}

}
