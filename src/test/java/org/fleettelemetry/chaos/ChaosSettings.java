package org.fleettelemetry.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How a campaign runs: how many vehicles and client threads, how long it goes on
 * injecting faults, the pause between two faults and how long PostgreSQL stays down, the
 * seed of the client's choices, and the directory for the database and the logs.
 *
 * @param vehicles vehicles registered before the load
 * @param threads client threads sending reports
 * @param pace what each client thread waits between two requests, so that a restarting
 * instance is not starved of the two cores
 * @param duration how long faults go on being injected (each kind once at least)
 * @param pause time between two faults, with the load running
 * @param outage how long PostgreSQL stays stopped
 * @param startup how long an instance may take to start and be ready (a machine shared
 * with other work can take minutes)
 * @param seed seed of the client's random choices
 * @param directory where the database and the services' logs are kept
 */
record ChaosSettings(int vehicles, int threads, Duration pace, Duration duration, Duration pause, Duration outage,
		Duration startup, long seed, Path directory) {

	/**
	 * The short form run by {@code ./mvnw verify}: each fault once.
	 */
	static ChaosSettings shortForm(Path directory) {
		return new ChaosSettings(30, 4, Duration.ofMillis(20), Duration.ZERO, Duration.ofSeconds(2),
				Duration.ofSeconds(2), Duration.ofMinutes(2), System.nanoTime(), directory);
	}

	/**
	 * The long form of {@code bench/chaos}, from its environment variables.
	 */
	static ChaosSettings fromEnvironment(Map<String, String> env) {
		return new ChaosSettings(number(env, "CHAOS_VEHICLES", 40), number(env, "CHAOS_THREADS", 4),
				Duration.ofMillis(number(env, "CHAOS_PACE_MILLIS", 10)),
				Duration.ofSeconds(number(env, "CHAOS_SECONDS", 180)),
				Duration.ofSeconds(number(env, "CHAOS_PAUSE_SECONDS", 5)),
				Duration.ofSeconds(number(env, "CHAOS_OUTAGE_SECONDS", 3)),
				Duration.ofSeconds(number(env, "CHAOS_STARTUP_SECONDS", 120)),
				Long.parseLong(env.getOrDefault("CHAOS_SEED", Long.toString(System.nanoTime()))),
				Path.of(env.getOrDefault("CHAOS_DIRECTORY", "target/chaos")));
	}

	@Override
	public String toString() {
		return "%d vehicles, %d client threads %d ms apart, faults for %d s, %d s apart, PostgreSQL down %d s each time, seed %d"
			.formatted(this.vehicles, this.threads, this.pace.toMillis(), this.duration.toSeconds(),
					this.pause.toSeconds(), this.outage.toSeconds(), this.seed);
	}

	private static int number(Map<String, String> env, String name, int fallback) {
		return Integer.parseInt(env.getOrDefault(name, Integer.toString(fallback)));
	}

}
