package org.fleettelemetry.milestones;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ForecastTests {

	static final Instant WINDOW_START = Instant.parse("2017-01-01T00:00:00Z");

	/** Ten hours into the day after the window. */
	static final Instant NOW = WINDOW_START.plus(Duration.ofDays(28).plusHours(10));

	static long[] constant(long metresPerDay) {
		long[] daily = new long[28];
		Arrays.fill(daily, metresPerDay);
		return daily;
	}

	@Test
	void aConstantPaceProjectsTheExactDate() {
		// 2,000 km a day, 100,000 km to go: 50 days
		Instant projected = Forecast.projectedAt(constant(2_000_000), WINDOW_START, NOW, 100_000_000);
		assertThat(Duration.between(NOW.plus(Duration.ofDays(50)), projected).abs()).isLessThan(Duration.ofDays(1));
	}

	@Test
	void aGrowingPaceProjectsEarlierThanItsMeanPace() {
		long[] growing = new long[28];
		for (int i = 0; i < 28; i++) {
			growing[i] = 1_000_000 + 100_000L * i;
		}
		long mean = Arrays.stream(growing).sum() / 28;
		Instant atMeanPace = Forecast.projectedAt(constant(mean), WINDOW_START, NOW, 100_000_000);
		Instant following = Forecast.projectedAt(growing, WINDOW_START, NOW, 100_000_000);
		assertThat(following).isBefore(atMeanPace.minus(Duration.ofDays(1)));
	}

	@Test
	void aGrowingPaceFollowsItsLinearTrend() {
		// 1 km on day 0, growing by 1 km a day: the rate is t km/day at day t
		// of the window
		long[] growing = new long[28];
		for (int i = 0; i < 28; i++) {
			growing[i] = 1000L * i + 500;
		}
		Instant now = WINDOW_START.plus(Duration.ofDays(28));
		// from t=28 to T covers (T^2 - 28^2) / 2 km: 4,608 km take T - 28 = 72 days
		Instant projected = Forecast.projectedAt(growing, WINDOW_START, now, 4_608_000);
		assertThat(Duration.between(now.plus(Duration.ofDays(72)), projected).abs()).isLessThan(Duration.ofMinutes(1));
	}

	@Test
	void aFallingPaceProjectsAtItsMeanPace() {
		long[] falling = new long[28];
		for (int i = 0; i < 28; i++) {
			falling[i] = 3_000_000 - 100_000L * i;
		}
		long mean = Arrays.stream(falling).sum() / 28;
		assertThat(Forecast.projectedAt(falling, WINDOW_START, NOW, 10_000_000))
			.isEqualTo(Forecast.projectedAt(constant(mean), WINDOW_START, NOW, 10_000_000));
	}

	@Test
	void noDistanceInTheWindowProjectsNothing() {
		assertThat(Forecast.projectedAt(new long[28], WINDOW_START, NOW, 1000)).isNull();
	}

}
