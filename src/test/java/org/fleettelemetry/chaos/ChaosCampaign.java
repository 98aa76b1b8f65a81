package org.fleettelemetry.chaos;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.IntegrationTests;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * A Jepsen-style fault-injection campaign: one PostgreSQL and two instances of the
 * service as JVMs of their own, a client sending reports to both while a nemesis kills
 * instances ({@code kill -9} and SIGTERM) and stops PostgreSQL immediately; then every
 * request of unknown outcome is sent again until it is answered, and what the service
 * holds is checked to the metre against what the answers said.
 * <p>
 * {@code ChaosIntegrationTests} runs its short form; {@code bench/chaos} runs
 * {@link #main} for as long as asked.
 */
public final class ChaosCampaign {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

	private static final Duration RESEND_BOUND = Duration.ofMinutes(2);

	private final ChaosSettings settings;

	private final History history = new History();

	private final ChaosSender sender = new ChaosSender(REQUEST_TIMEOUT);

	ChaosCampaign(ChaosSettings settings) {
		this.settings = settings;
	}

	public static void main(String[] args) throws Exception {
		// the figures, not the embedded PostgreSQL's and the driver's chatter
		LoggingSystem.get(ChaosCampaign.class.getClassLoader())
			.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
		ChaosSettings settings = ChaosSettings.fromEnvironment(System.getenv());
		System.out.println("chaos: " + settings);
		ChaosSummary summary = new ChaosCampaign(settings).run();
		summary.lines().forEach(System.out::println);
		summary.problems().forEach((problem) -> System.out.println("PROBLEM: " + problem));
		System.exit(summary.problems().isEmpty() ? 0 : 1);
	}

	ChaosSummary run() throws Exception {
		long started = System.nanoTime();
		Path directory = this.settings.directory().toAbsolutePath();
		deleteRecursively(directory);
		Files.createDirectories(directory);
		try (ControlledPostgres postgres = ControlledPostgres.start(directory)) {
			List<ServiceSlot> slots = List.of(slot("instance-a", postgres, directory),
					slot("instance-b", postgres, directory));
			try {
				CompletableFuture.allOf(slots.stream().map(ChaosCampaign::startAsync).toArray(CompletableFuture[]::new))
					.join();
				List<ChaosVehicle> fleet = register(new Api(slots.get(0).baseUrl()));
				Nemesis nemesis = load(slots, fleet, postgres);
				int resends = resend(slots);
				// the instances have moved to other ports since
				Api api = new Api(upInstance(slots, new Random(this.settings.seed())));
				ChaosSummary summary = audit(api, fleet, nemesis, resends, started);
				Files.write(directory.resolve("summary.txt"), summary.lines());
				return summary;
			}
			finally {
				for (ServiceSlot slot : slots) {
					slot.close();
				}
			}
		}
	}

	private Nemesis load(List<ServiceSlot> slots, List<ChaosVehicle> fleet, ControlledPostgres postgres)
			throws Exception {
		ChaosClient client = new ChaosClient(slots, fleet, this.history, this.sender);
		Nemesis nemesis = new Nemesis(postgres, slots);
		client.start(this.settings.threads(), this.settings.pace(), this.settings.seed());
		try {
			nemesis.run(this.settings.duration(), this.settings.pause(), this.settings.outage());
		}
		finally {
			client.stop(REQUEST_TIMEOUT.plusSeconds(30));
		}
		return nemesis;
	}

	private List<ChaosVehicle> register(Api api) {
		Random random = new Random(this.settings.seed());
		Instant clock = Instant.now().minus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		List<ChaosVehicle> fleet = new ArrayList<>();
		for (int i = 1; i <= this.settings.vehicles(); i++) {
			String vin = "SJNFAAZE1%08d".formatted(i);
			long baseline = random.nextInt(50_000_000);
			Map<String, Object> body = new LinkedHashMap<>(Map.of("vin", vin, "model", "LEAF", "country", "NO"));
			body.put("odometerKm", BigDecimal.valueOf(baseline, 3));
			Api.Response response = api.post("/api/v1/vehicles", IntegrationTests.ADMIN_TOKEN, body);
			if (response.status() != 201) {
				throw new AssertionError("Registering " + vin + " answered " + response);
			}
			fleet.add(new ChaosVehicle(vin, response.text("token"), baseline, clock));
		}
		return fleet;
	}

	/**
	 * Sends every request of unknown outcome again, to any instance, until it is answered
	 * with its reports' outcomes; then every request answered as failed, once answered (a
	 * 4xx again says nothing more), so that a failure which in fact stored shows as its
	 * duplicates. Answers the number of sendings.
	 */
	private int resend(List<ServiceSlot> slots) throws InterruptedException {
		Random random = new Random(this.settings.seed());
		long deadline = System.nanoTime() + RESEND_BOUND.toNanos();
		int sendings = 0;
		for (ChaosRequest request : this.history.unknown()) {
			sendings += resend(request, slots, random, deadline, false);
		}
		for (ChaosRequest request : this.history.failed()) {
			sendings += resend(request, slots, random, deadline, true);
		}
		return sendings;
	}

	private int resend(ChaosRequest request, List<ServiceSlot> slots, Random random, long deadline,
			boolean clientErrorEnds) throws InterruptedException {
		int sendings = 0;
		Answer answer;
		do {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("A request sent again was not answered within " + RESEND_BOUND.toSeconds()
						+ " s: " + request.kind() + " " + request.path());
			}
			if (sendings > 0) {
				Wait.pause(Duration.ofMillis(200));
			}
			answer = this.sender.send(upInstance(slots, random), request);
			sendings++;
			if (answer.status() / 100 == 4) {
				if (clientErrorEnds) {
					return sendings;
				}
				throw new AssertionError("Sent again, " + request.path() + " was answered " + answer);
			}
		}
		while (answer.outcome() != Answer.Outcome.OK);
		this.history.recordResend(request, answer);
		return sendings;
	}

	private static String upInstance(List<ServiceSlot> slots, Random random) {
		String url = ChaosClient.anyUp(slots, random);
		if (url == null) {
			throw new AssertionError("No instance is up to send to");
		}
		return url;
	}

	private ChaosSummary audit(Api api, List<ChaosVehicle> fleet, Nemesis nemesis, int resends, long started) {
		History.Expected expected = this.history.expected();
		FleetAudit audit = new FleetAudit(api);
		FleetAudit.Totals vehicles = audit.vehicles(fleet, expected);
		String reconciliation = Reconciliation.check(api);
		return new ChaosSummary(Duration.ofNanos(System.nanoTime() - started).toSeconds(), this.history.requests(),
				this.history.count(Answer.Outcome.OK), this.history.count(Answer.Outcome.FAILED),
				this.history.count(Answer.Outcome.UNKNOWN), resends, this.history.itemsSent(), expected.storedReports(),
				audit.fleetReports(), nemesis.injected(), this.history.failures(), audit.fleetMetres(),
				expected.toldM(), vehicles.expectedM(), vehicles.lostM(), vehicles.doubleCountedM(),
				expected.inconsistentAnswers(), expected.rejected(), expected.storedDespiteFailure(), reconciliation);
	}

	private ServiceSlot slot(String name, ControlledPostgres postgres, Path directory) {
		return new ServiceSlot(name, postgres.jdbcUrl(), directory, this.settings.startup());
	}

	private static CompletableFuture<Void> startAsync(ServiceSlot slot) {
		return CompletableFuture.runAsync(() -> {
			try {
				slot.start();
			}
			catch (Exception ex) {
				throw new IllegalStateException(slot.name() + " did not start", ex);
			}
		});
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (Files.exists(directory)) {
			try (Stream<Path> paths = Files.walk(directory)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

}
