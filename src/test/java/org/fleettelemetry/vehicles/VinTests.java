package org.fleettelemetry.vehicles;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class VinTests {

	@ParameterizedTest
	@ValueSource(strings = { "SJNFAAZE0U6000001", "1N4AZ0CP5DC400001", "JN1FAAZE0U0000000" })
	void acceptsSeventeenDigitsAndCapitals(String vin) {
		assertThat(Vin.isValid(vin)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "SJNFAAZE0U600000", "SJNFAAZE0U60000011", "sjnfaaze0u6000001", "SJNFAAZE0U600000I",
			"SJNFAAZE0U600000O", "SJNFAAZE0U600000Q", "SJNFAAZE0U60000-1" })
	void refusesAnythingElse(String vin) {
		assertThat(Vin.isValid(vin)).isFalse();
	}

}
