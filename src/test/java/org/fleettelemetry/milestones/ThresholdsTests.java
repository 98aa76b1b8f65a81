package org.fleettelemetry.milestones;

import java.util.List;

import org.fleettelemetry.fleet.FleetDelta;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThresholdsTests {

	static final List<Long> LADDER = List.of(100L, 200L, 500L);

	@Test
	void aThresholdIsCrossedWhenTheDistanceReachesIt() {
		assertThat(Thresholds.crossed(LADDER, 99_999, 100_000)).containsExactly(100L);
		assertThat(Thresholds.crossed(LADDER, 100_000, 150_000)).isEmpty();
	}

	@Test
	void oneJumpCrossesEveryThresholdItPasses() {
		assertThat(Thresholds.crossed(LADDER, 50_000, 600_000)).containsExactly(100L, 200L, 500L);
	}

	@Test
	void theCrossingVehicleIsTheOneWhoseCreditFirstReachesTheThreshold() {
		List<FleetDelta.Credit> credits = List.of(new FleetDelta.Credit("A", 30_000, 30_000),
				new FleetDelta.Credit("B", 20_000, 20_000), new FleetDelta.Credit("C", 50_000, 50_000));
		assertThat(Thresholds.crossingVin(200, 150_000, credits)).isEqualTo("B");
		assertThat(Thresholds.crossingVin(250, 150_000, credits)).isEqualTo("C");
	}

	@Test
	void theNextThresholdIsTheFirstAboveTheDistance() {
		assertThat(Thresholds.next(LADDER, 200_000)).isEqualTo(500L);
		assertThat(Thresholds.next(LADDER, 500_000)).isNull();
	}

}
