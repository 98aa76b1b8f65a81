package org.fleettelemetry.milestones;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.Instances;
import org.fleettelemetry.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Prints how many single-report requests a second one instance credits with fleet
 * milestones on (every crediting transaction ends under the milestone lock) and off. A
 * benchmark, not a test: run it on its own,
 * {@code ./mvnw test -Dtest=MilestoneLockBenchmark}. The embedded test database runs with
 * fsync off, so commits are cheaper here than on a production server, and so is the time
 * under the lock.
 */
class MilestoneLockBenchmark {

	static final int THREADS = 16;

	static final Duration WARM_UP = Duration.ofSeconds(4);

	static final Duration MEASURED = Duration.ofSeconds(8);

	@Test
	void printsCreditingThroughputWithAndWithoutFleetMilestones() throws Exception {
		for (String fleetKm : List.of("", "1000000,10000000", "", "1000000,10000000")) {
			try (ConfigurableApplicationContext instance = Instances.start("fleet.milestones.fleet-km=" + fleetKm,
					"fleet.webhooks.dispatch.enabled=false", "logging.level.root=WARN")) {
				TestDatabase.empty(instance.getBean(JdbcClient.class));
				double perSecond = run(Instances.api(instance));
				System.out.printf("fleet milestones %-4s %,8.0f reports/s (%d threads, one report a request)%n",
						fleetKm.isEmpty() ? "off" : "on", perSecond, THREADS);
			}
		}
	}

	static double run(Api api) throws Exception {
		List<String> tokens = new ArrayList<>();
		for (int n = 0; n < THREADS; n++) {
			tokens.add(api.register(String.format("SJNFAAZE0U6%06d", n), "ES", 0.0));
		}
		Instant start = Instant.now();
		Instant measureFrom = start.plus(WARM_UP);
		Instant end = measureFrom.plus(MEASURED);
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		List<Future<Integer>> counts = new ArrayList<>();
		for (int n = 0; n < THREADS; n++) {
			String path = String.format("/api/v1/vehicles/SJNFAAZE0U6%06d/reports", n);
			String token = tokens.get(n);
			counts.add(threads.submit(() -> {
				int measured = 0;
				Instant recordedAt = Instant.parse("2020-01-01T00:00:00Z");
				for (int i = 1; Instant.now().isBefore(end); i++) {
					recordedAt = recordedAt.plusSeconds(60);
					Api.Response response = api.post(path, token, Api.odometer("r" + i, recordedAt.toString(), i));
					if (response.status() == 201 && Instant.now().isAfter(measureFrom)) {
						measured++;
					}
				}
				return measured;
			}));
		}
		int total = 0;
		for (Future<Integer> count : counts) {
			total += count.get();
		}
		threads.shutdown();
		return total / (double) MEASURED.toSeconds();
	}

}
