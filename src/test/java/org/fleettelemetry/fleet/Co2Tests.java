package org.fleettelemetry.fleet;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Co2Tests {

	final Co2 co2 = new Co2(new FleetSettings(new FleetSettings.Co2(new BigDecimal("170"), new BigDecimal("13.6")),
			new FleetSettings.Figures(Duration.ofSeconds(10))));

	static final long BILLION_KM_IN_METRES = 1_000_000_000_000L;

	@Test
	void reproducesNissansThreeBillionKilometreFigures() {
		assertThat(this.co2.avoidedKg(3 * BILLION_KM_IN_METRES)).isEqualByComparingTo("510000000");
		assertThat(this.co2.trees(3 * BILLION_KM_IN_METRES)).isEqualTo(37_500_000);
	}

	@Test
	void staysWithinNissansRangeAt850MillionKilometres() {
		// Nissan: about 150,000 t and 11 million trees
		BigDecimal kg = this.co2.avoidedKg(850_000_000_000L);
		assertThat(kg).isBetween(new BigDecimal("140000000"), new BigDecimal("155000000"));
		assertThat(this.co2.trees(850_000_000_000L)).isBetween(10_000_000L, 11_000_000L);
	}

	@Test
	void isExactToTheGramAtTenToTheThirteenMetres() {
		assertThat(this.co2.avoidedGrams(10_000_000_000_001L)).isEqualTo(1_700_000_000_000L);
		assertThat(this.co2.avoidedKg(1)).isEqualByComparingTo("0.000");
		assertThat(this.co2.avoidedKg(1000)).isEqualByComparingTo("0.170");
	}

	@Test
	void countsOnlyWholeTrees() {
		assertThat(this.co2.trees(79_999)).isZero();
		assertThat(this.co2.trees(80_000)).isEqualTo(1);
	}

}
