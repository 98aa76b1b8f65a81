package org.fleettelemetry.ingestion;

import java.time.Instant;
import java.util.List;

import org.fleettelemetry.vehicles.VehicleRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VehicleStateTests {

	static final Instant T0 = Instant.parse("2015-01-01T00:00:00Z");

	@Test
	void creditsTheIncreaseOverTheHighestReadingOnly() {
		VehicleState.Odometer odometer = new VehicleState.Odometer(0, null, 1000L, false, null, null);
		assertThat(odometer.accept(new Reading(T0, 1500))).isEqualTo(500);
		assertThat(odometer.accept(new Reading(T0.plusSeconds(60), 1500))).isZero();
		assertThat(odometer.accept(new Reading(T0.minusSeconds(60), 1200))).isZero();
		assertThat(odometer.accept(new Reading(T0.plusSeconds(120), 1750))).isEqualTo(250);
		assertThat(odometer.highM).isEqualTo(1750);
		assertThat(odometer.highAt).isEqualTo(T0.plusSeconds(120));
	}

	@Test
	void theFirstReadingWithoutABaselineBecomesADatedBaseline() {
		VehicleState.Odometer odometer = new VehicleState.Odometer(0, null, null, false, null, null);
		assertThat(odometer.accept(new Reading(T0, 5000))).isZero();
		assertThat(odometer.baselineM).isEqualTo(5000);
		assertThat(odometer.floorM()).isNull();
	}

	@Test
	void aReadingBelongsToTheLatestOdometerInEffectWhenItWasRecorded() {
		var first = new VehicleState.Odometer(0, null, 0L, false, null, null);
		var second = new VehicleState.Odometer(1, T0, 0L, false, null, null);
		VehicleState vehicle = new VehicleState(new VehicleRef(1, "SJNFAAZE0U6000001", "ES"), 0,
				List.of(first, second));
		assertThat(vehicle.odometerAt(T0.minusMillis(1))).isSameAs(first);
		assertThat(vehicle.odometerAt(T0)).isSameAs(second);
	}

}
