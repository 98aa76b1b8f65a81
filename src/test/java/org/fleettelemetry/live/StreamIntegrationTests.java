package org.fleettelemetry.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.Instances;
import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class StreamIntegrationTests extends IntegrationTests {

	static final String VIN = "SJNFAAZE0U6000001";

	static final Duration WAIT = Duration.ofSeconds(15);

	static final JsonMapper JSON = JsonMapper.builder().build();

	String base() {
		return "http://localhost:" + this.port;
	}

	void report(String token, String id, String at, double km) {
		assertThat(this.api.post("/api/v1/vehicles/" + VIN + "/reports", token, Api.odometer(id, at, km)).status())
			.isEqualTo(201);
	}

	@Test
	void sendsTheSummaryAtOnceThenWhenTheFiguresChange() throws Exception {
		String token = this.api.register(VIN, "ES", 0.0);
		try (EventStream stream = new EventStream(base(), null)) {
			assertThat(stream.status()).isEqualTo(200);
			JsonNode first = JSON.readTree(stream.next("summary", WAIT).data());
			assertThat(first.get("distanceKm").decimalValue()).isEqualByComparingTo("0");
			report(token, "odo-1", "2014-09-30T10:00:00Z", 42.5);
			JsonNode second = JSON.readTree(stream.next("summary", WAIT).data());
			assertThat(second.get("distanceKm").decimalValue()).isEqualByComparingTo("42.5");
			assertThat(second.get("reports").asLong()).isEqualTo(1);
		}
	}

	@Test
	void sendsAMilestoneWithTheVinMaskedForThePublicAndWholeForTheAdmin() throws Exception {
		String token = this.api.register(VIN, "ES", 0.0);
		report(token, "odo-1", "2014-09-01T10:00:00Z", 1.0);
		try (EventStream anonymous = new EventStream(base(), null);
				EventStream admin = new EventStream(base(), ADMIN_TOKEN)) {
			anonymous.next("summary", WAIT);
			admin.next("summary", WAIT);
			report(token, "odo-2", "2014-09-30T10:00:00Z", 10_001.0);
			JsonNode milestone = JSON.readTree(anonymous.next("milestone", WAIT).data());
			assertThat(milestone.get("scope").asString()).isEqualTo("VEHICLE");
			assertThat(milestone.get("distanceKm").asLong()).isEqualTo(10_000);
			assertThat(milestone.get("vin").asString()).isEqualTo("SJNFAAZE0U6******");
			assertThat(JSON.readTree(admin.next("milestone", WAIT).data()).get("vin").asString()).isEqualTo(VIN);
		}
	}

	/**
	 * Subscriptions racing the stream's reads while the figures change all the time (an
	 * instance reading every 5 ms): each subscriber is sent each figures once, never an
	 * older summary after a newer one, and ends on the figures as they are.
	 */
	@Test
	void sendsEachSubscriberEachFiguresOnceInTheOrderReadAndTheLast() throws Exception {
		ConfigurableApplicationContext instance = Instances.start("fleet.stream.interval=5ms");
		String base = Instances.baseUrl(instance);
		Api api = Instances.api(instance);
		List<EventStream> streams = new ArrayList<>();
		try {
			String token = api.register(VIN, "ES", 0.0);
			int reports = 120;
			CompletableFuture<Void> crediting = CompletableFuture.runAsync(() -> {
				for (int i = 1; i <= reports; i++) {
					String at = Instant.parse("2014-09-30T10:00:00Z").plusSeconds(i).toString();
					assertThat(api.post("/api/v1/vehicles/" + VIN + "/reports", token, Api.odometer("odo-" + i, at, i))
						.status()).isEqualTo(201);
				}
			});
			// fewer than the 1,000 an instance serves: one more would be refused
			while (!crediting.isDone() && streams.size() < 500) {
				streams.add(new EventStream(base, null));
				Thread.sleep(5);
			}
			crediting.get();
			for (int i = 0; i < streams.size(); i++) {
				assertThat(streams.get(i).status()).as("stream %d", i + 1).isEqualTo(200);
				List<Long> seen = new ArrayList<>();
				String last = "";
				long lastReports = -1;
				while (lastReports < reports) {
					String what = "stream %d of %d, after summaries of %s reports".formatted(i + 1, streams.size(),
							seen);
					EventStream.Event event = streams.get(i).poll("summary", WAIT);
					assertThat(event).as("the next summary of " + what).isNotNull();
					long next = JSON.readTree(event.data()).get("reports").asLong();
					assertThat(event.data()).as(what).isNotEqualTo(last);
					assertThat(next).as(what).isGreaterThanOrEqualTo(lastReports);
					seen.add(next);
					last = event.data();
					lastReports = next;
				}
			}
			assertThat(streams).hasSizeGreaterThan(10);
		}
		finally {
			instance.close();
			for (EventStream stream : streams) {
				stream.close();
			}
		}
	}

	/**
	 * An instance of its own, with 1,000 subscribers (the default bound): the figures are
	 * read once per interval for all of them, one more subscriber is refused, and every
	 * stream ends when the instance stops.
	 */
	@Test
	@Tag("slow")
	void readsTheFiguresOncePerIntervalForAThousandSubscribersRefusesOneMoreAndEndsThemAtShutdown() throws Exception {
		ConfigurableApplicationContext instance = Instances.start();
		String base = Instances.baseUrl(instance);
		Api api = Instances.api(instance);
		MeterRegistry meters = instance.getBean(MeterRegistry.class);
		List<EventStream> streams = new ArrayList<>();
		try {
			for (int i = 0; i < 1000; i++) {
				streams.add(new EventStream(base, null));
			}
			for (EventStream stream : streams) {
				assertThat(stream.status()).isEqualTo(200);
				stream.next("summary", WAIT);
			}
			try (EventStream refused = new EventStream(base, null)) {
				assertThat(refused.status()).isEqualTo(503);
			}
			double before = reads(meters);
			long start = System.nanoTime();
			// five intervals of the figures changing: each read is sent to everyone
			String token = api.register(VIN, "ES", 0.0);
			for (int i = 1; i <= 5; i++) {
				assertThat(api
					.post("/api/v1/vehicles/" + VIN + "/reports", token,
							Api.odometer("odo-" + i, "2014-09-30T10:%02d:00Z".formatted(i), i))
					.status()).isEqualTo(201);
				for (EventStream stream : streams) {
					stream.next("summary", WAIT);
				}
			}
			double reads = reads(meters) - before;
			double intervals = (System.nanoTime() - start) / 1e9;
			assertThat(reads).isGreaterThanOrEqualTo(5).isLessThanOrEqualTo(Math.ceil(intervals) + 1);
			// each subscriber is sent the events, and nothing more
			assertThat(streams).allSatisfy((stream) -> assertThat(stream.strayLines).hasValue(0));

			instance.close();
			for (EventStream stream : streams) {
				stream.ended.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			instance.close();
			for (EventStream stream : streams) {
				stream.close();
			}
		}
	}

	static double reads(MeterRegistry meters) {
		return meters.get("fleet.stream.reads").counter().count();
	}

}
