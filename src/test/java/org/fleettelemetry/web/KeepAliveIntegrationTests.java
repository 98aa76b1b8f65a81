package org.fleettelemetry.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that keeps its connection open is not made to reconnect every 100 requests, as
 * Tomcat's default would: gateways and dashboards send far more than that on one
 * connection.
 */
class KeepAliveIntegrationTests extends IntegrationTests {

	@Test
	void oneConnectionCarriesMoreThanTomcatsDefaultHundredRequests() throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
			for (int i = 1; i <= 250; i++) {
				out.write("GET /api/v1/fleet/summary HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n"
					.getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
				assertThat(in.readLine()).as("status line of request %d", i).isEqualTo("HTTP/1.1 200 ");
				int length = -1;
				for (String line = header(in, i); !line.isEmpty(); line = header(in, i)) {
					assertThat(line).as("a header of response %d", i).doesNotContainIgnoringCase("connection: close");
					if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
						length = Integer.parseInt(line.substring(15).trim());
					}
				}
				assertThat(length).as("Content-Length of response %d", i).isPositive();
				assertThat(in.skip(length)).isEqualTo(length);
			}
		}
	}

	private static String header(BufferedReader in, int response) throws IOException {
		String line = in.readLine();
		assertThat(line).as("a header line of response %d, before the service closed the connection", response)
			.isNotNull();
		return line;
	}

}
