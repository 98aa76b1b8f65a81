package org.fleettelemetry.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedVehicleTests {

	static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

	final RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(7);

	SimulatedVehicle taxi() {
		return new SimulatedVehicle("SJNFAAZE0U6100001", "LEAF", "NO", false, 350, 1000, NOW.minus(Duration.ofDays(90)),
				this.random);
	}

	@Test
	void drivesAHistoryOfTripsThatTheServiceWouldCredit() {
		List<Map<String, Object>> history = taxi().history(NOW, this.random);
		assertThat(history).hasSizeGreaterThan(89);
		double odometer = 1000;
		Instant end = Instant.MIN;
		for (Map<String, Object> trip : history) {
			assertThat(Instant.parse((String) trip.get("startedAt"))).isAfterOrEqualTo(end);
			end = Instant.parse((String) trip.get("recordedAt"));
			double reading = (double) trip.get("odometerKm");
			double km = (double) trip.get("distanceKm");
			assertThat(reading).isGreaterThan(odometer);
			Duration took = Duration.between(Instant.parse((String) trip.get("startedAt")),
					Instant.parse((String) trip.get("recordedAt")));
			assertThat(km / Math.max(took.toSeconds(), 1) * 3600).as("km/h").isLessThan(250);
			assertThat((double) trip.get("energyConsumedKwh")).isGreaterThan((double) trip.get("energyRegeneratedKwh"));
			assertThat(Instant.parse((String) trip.get("recordedAt"))).isBefore(NOW);
			odometer = reading;
		}
	}

	@Test
	void aLiveTripCoversAtMostTheLastHalfHourAndEndsNow() {
		SimulatedVehicle car = taxi();
		Map<String, Object> trip = car.driveUntil(NOW, this.random);
		assertThat(trip.get("recordedAt")).isEqualTo(NOW.toString());
		assertThat(trip.get("startedAt")).isEqualTo(NOW.minus(Duration.ofMinutes(30)).toString());
		assertThat((double) trip.get("distanceKm")).isLessThan(60);
		assertThat(car.canDriveUntil(NOW)).isFalse();
		assertThat(car.canDriveUntil(NOW.plusSeconds(10))).isTrue();
	}

}
