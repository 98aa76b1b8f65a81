package org.fleettelemetry.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A subscriber of {@code /api/v1/fleet/stream} in a test: reads the stream's events (and
 * comments) on the client's threads, to be taken one by one.
 */
final class EventStream implements AutoCloseable {

	static final HttpClient CLIENT = HttpClient.newHttpClient();

	/**
	 * A thread per stream, each blocked reading its lines: not CompletableFuture's
	 * default, which on a machine of more than two cores is the common pool, whose few
	 * threads would each stay with one stream and leave the others unread.
	 */
	static final Executor READERS = Executors.newCachedThreadPool((task) -> {
		Thread reader = new Thread(task, "event-stream-reader");
		reader.setDaemon(true);
		return reader;
	});

	final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	/** Empty lines that ended no event: a stream well written has none. */
	final AtomicInteger strayLines = new AtomicInteger();

	final CompletableFuture<HttpResponse<Stream<String>>> response;

	/** Completes when the server ends the stream. */
	final CompletableFuture<Void> ended = new CompletableFuture<>();

	EventStream(String base, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/fleet/stream"))
			.header("Accept", "text/event-stream");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		this.response = CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
		this.response.thenAcceptAsync((answer) -> {
			List<String> lines = new ArrayList<>();
			try (Stream<String> body = answer.body()) {
				body.forEach((line) -> {
					if (!line.isEmpty()) {
						lines.add(line);
						return;
					}
					if (lines.isEmpty()) {
						this.strayLines.incrementAndGet();
						return;
					}
					this.events.add(Event.of(lines));
					lines.clear();
				});
			}
			catch (RuntimeException ex) {
				// closed by this test
			}
			this.ended.complete(null);
		}, READERS);
	}

	int status() throws Exception {
		return this.response.get(30, TimeUnit.SECONDS).statusCode();
	}

	/** The next event named {@code name}, skipping others; fails after the time-out. */
	Event next(String name, Duration timeout) throws InterruptedException {
		Event event = poll(name, timeout);
		if (event == null) {
			throw new AssertionError("No event " + name + " within " + timeout);
		}
		return event;
	}

	/**
	 * The next event named {@code name}, skipping others; {@code null} after the
	 * time-out.
	 */
	@Nullable Event poll(String name, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			Event event = this.events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (event == null || name.equals(event.name())) {
				return event;
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.response.thenAccept((answer) -> answer.body().close());
	}

	/**
	 * An event: its name ({@code comment} for a comment line) and its data.
	 */
	record Event(String name, String data) {

		static Event of(List<String> lines) {
			String name = "message";
			StringBuilder data = new StringBuilder();
			for (String line : lines) {
				if (line.startsWith(":")) {
					name = "comment";
					data.append(line.substring(1));
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5));
				}
			}
			return new Event(name, data.toString());
		}

	}

}
