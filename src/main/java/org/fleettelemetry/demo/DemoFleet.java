package org.fleettelemetry.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.fleettelemetry.shared.RepeatingTask;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Drives a simulated fleet through the running service's HTTP API, once a second, under
 * the profile {@code demo} only. First each car registers and uploads 90 days of trips in
 * offline batches (ten cars a second, so the counter climbs and the fleet's first
 * milestones fire within a minute); then the cars drive: about one in twenty reports a
 * trip each second, the offline ones upload what they buffered every minute, one report
 * in fifty is sent twice, and one in two hundred is a bad reading that becomes an
 * anomaly.
 */
@Component
@Profile("demo")
class DemoFleet extends RepeatingTask {

	private static final Logger log = LoggerFactory.getLogger(DemoFleet.class);

	static final int VEHICLES = 300;

	private static final List<String> COUNTRIES = List.of("NO", "NO", "NO", "GB", "GB", "FR", "FR", "DE", "DE", "NL",
			"ES", "US", "US", "JP");

	private static final List<String[]> MODELS = List.of(new String[] { "LEAF", "SJNFAAZE0U6" },
			new String[] { "ARIYA", "SJNFAAFE1U6" }, new String[] { "e-NV200", "VSKHAAME0U6" });

	private final Environment environment;

	private final JsonMapper json;

	private final Clock clock;

	private final RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(2014);

	private final List<SimulatedVehicle> fleet = new ArrayList<>();

	private @Nullable DemoClient client;

	private int registered;

	private long ticks;

	DemoFleet(Environment environment, JsonMapper json, Clock clock) {
		super("demo-fleet", Duration.ofSeconds(1));
		this.environment = environment;
		this.json = json;
		this.clock = clock;
		Instant since = clock.instant().minus(Duration.ofDays(90));
		for (int i = 0; i < VEHICLES; i++) {
			String[] model = MODELS.get(i % MODELS.size());
			// a few taxis among commuters
			double dailyKm = (i % 40 == 7) ? 280 + this.random.nextDouble() * 120 : 15 + this.random.nextDouble() * 90;
			this.fleet.add(new SimulatedVehicle(model[1] + "%06d".formatted(100_000 + i), model[0],
					COUNTRIES.get(this.random.nextInt(COUNTRIES.size())), i % 7 == 3, dailyKm,
					this.random.nextDouble() * 60_000, since, this.random));
		}
	}

	@Override
	protected void runOnce() {
		if (this.client == null && (this.client = connect()) == null) {
			return;
		}
		Instant now = this.clock.instant();
		this.ticks++;
		if (this.registered < this.fleet.size()) {
			backfill(this.fleet.subList(this.registered, Math.min(this.fleet.size(), this.registered + 10)), now);
			return;
		}
		for (SimulatedVehicle car : this.fleet) {
			if (this.random.nextInt(20) == 0 && car.canDriveUntil(now)) {
				drive(car, now);
			}
			if (car.offline && !car.buffered.isEmpty() && this.ticks % 60 == Math.floorMod(car.vin.hashCode(), 60)) {
				this.client.post("/api/v1/vehicles/" + car.vin + "/reports/batch", List.copyOf(car.buffered));
				car.buffered.clear();
			}
		}
	}

	private void backfill(List<SimulatedVehicle> cars, Instant now) {
		JsonNode registered = this.client.postForJson("/api/v1/vehicles/batch",
				cars.stream().map((car) -> car.registration(car.odometerKm())).toList());
		for (int i = 0; i < cars.size(); i++) {
			SimulatedVehicle car = cars.get(i);
			if (registered != null && "EXISTS".equals(registered.path(i).path("status").asString())) {
				// a demo run before: the car goes on from where it was
				JsonNode known = this.client.get("/api/v1/vehicles/" + car.vin);
				if (known != null && known.path("lastReportAt").isString()) {
					car.resume(known.path("odometerKm").asDouble(),
							Instant.parse(known.path("lastReportAt").asString()));
					continue;
				}
			}
			List<Map<String, Object>> history = car.history(now, this.random);
			for (int from = 0; from < history.size(); from += 1000) {
				this.client.post("/api/v1/vehicles/" + car.vin + "/reports/batch",
						history.subList(from, Math.min(history.size(), from + 1000)));
			}
		}
		this.registered += cars.size();
		if (this.registered == this.fleet.size()) {
			log.info("Demo fleet: {} cars registered with 90 days of trips; now driving", this.registered);
		}
	}

	private void drive(SimulatedVehicle car, Instant now) {
		Map<String, Object> trip = car.driveUntil(now, this.random);
		if (car.offline) {
			car.buffered.add(trip);
			return;
		}
		this.client.post("/api/v1/vehicles/" + car.vin + "/reports", trip);
		if (this.random.nextInt(50) == 0) {
			// the answer was lost on the way: the car sends it again
			this.client.post("/api/v1/vehicles/" + car.vin + "/reports", trip);
		}
		if (this.random.nextInt(200) == 0) {
			this.client.post("/api/v1/vehicles/" + car.vin + "/reports", car.badReading(now, this.random));
		}
	}

	/** The client, once the server listens and the admin token is known. */
	private @Nullable DemoClient connect() {
		String port = this.environment.getProperty("local.server.port");
		String token = adminToken();
		if (port == null || token == null) {
			return null;
		}
		log.info("Demo fleet: {} simulated cars drive through http://localhost:{}/api/v1", VEHICLES, port);
		return new DemoClient("http://localhost:" + port, token, this.json);
	}

	/**
	 * The configured admin token, or the one the service generated and keeps in a file.
	 */
	private @Nullable String adminToken() {
		String token = this.environment.getProperty("fleet.admin.token");
		if (token != null && !token.isBlank()) {
			return token;
		}
		Path file = Path.of(this.environment.getProperty("fleet.admin.generated-token-file", "./data/admin-token"));
		try {
			return Files.isReadable(file) ? Files.readString(file).strip() : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

}
