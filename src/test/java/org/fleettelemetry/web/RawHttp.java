package org.fleettelemetry.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 exchange written as bytes on a socket, so that a test can send what no
 * well-behaved client would (a Content-Length that lies, bytes that are not UTF-8 in a
 * header, a body cut short), and the answer read as it came. The request says
 * {@code Connection: close}, so the answer ends where the connection does.
 */
final class RawHttp {

	private static final byte[] END_OF_HEADERS = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

	private RawHttp() {
	}

	/**
	 * An answer, or {@code status} 0 when the connection closed without one.
	 *
	 * @param status the status code
	 * @param headers the headers, names in lower case, the first value of each
	 * @param body the body, de-chunked; empty for an event stream, which is not read
	 */
	record Answer(int status, Map<String, String> headers, byte[] body) {

		String header(String name) {
			return this.headers.get(name);
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	/**
	 * Sends {@code request} to {@code port} on this machine and reads the answer: its
	 * headers and, unless it is an event stream, its body.
	 * @throws SocketTimeoutException when no answer comes within {@code timeoutMillis}
	 */
	static Answer exchange(int port, byte[] request, int timeoutMillis) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(timeoutMillis);
			socket.getOutputStream().write(request);
			socket.getOutputStream().flush();
			// the server sees the end of the request where the bytes end, even when a
			// Content-Length promised more
			socket.shutdownOutput();
			return read(socket.getInputStream());
		}
	}

	private static Answer read(InputStream in) throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] chunk = new byte[8192];
		int headersEnd;
		while (true) {
			headersEnd = indexOf(received.toByteArray(), END_OF_HEADERS);
			if (headersEnd >= 0) {
				byte[] all = received.toByteArray();
				int status = status(all);
				if (status >= 100 && status < 200) {
					// an interim answer: the final one follows
					received.reset();
					received.write(all, headersEnd + 4, all.length - headersEnd - 4);
					continue;
				}
				break;
			}
			int n = in.read(chunk);
			if (n < 0) {
				return new Answer(0, Map.of(), received.toByteArray());
			}
			received.write(chunk, 0, n);
		}
		byte[] head = Arrays.copyOf(received.toByteArray(), headersEnd);
		Map<String, String> headers = headers(head);
		int status = status(head);
		String type = headers.getOrDefault("content-type", "");
		if (status == 200 && type.startsWith("text/event-stream")) {
			return new Answer(status, headers, new byte[0]);
		}
		byte[] all = received.toByteArray();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(all, headersEnd + 4, all.length - headersEnd - 4);
		in.transferTo(body);
		boolean chunked = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked");
		return new Answer(status, headers, chunked ? dechunk(body.toByteArray()) : body.toByteArray());
	}

	private static int status(byte[] head) {
		String line = new String(head, 0, Math.min(head.length, 64), StandardCharsets.ISO_8859_1);
		String[] parts = line.split(" ", 3);
		try {
			return (parts.length >= 2 && parts[0].startsWith("HTTP/")) ? Integer.parseInt(parts[1]) : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static Map<String, String> headers(byte[] head) {
		Map<String, String> headers = new LinkedHashMap<>();
		String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.putIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).strip());
			}
		}
		return headers;
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int at = 0;
		while (at < chunked.length) {
			int lineEnd = indexOf(Arrays.copyOfRange(chunked, at, chunked.length), "\r\n".getBytes()) + at;
			if (lineEnd < at) {
				break;
			}
			String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
			int length = Integer.parseInt(size, 16);
			if (length == 0) {
				break;
			}
			body.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
			at = lineEnd + 2 + length + 2;
		}
		return body.toByteArray();
	}

	private static int indexOf(byte[] bytes, byte[] part) {
		outer: for (int i = 0; i + part.length <= bytes.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (bytes[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
