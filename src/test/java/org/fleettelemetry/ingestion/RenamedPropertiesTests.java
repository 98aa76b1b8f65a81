package org.fleettelemetry.ingestion;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RenamedPropertiesTests {

	@Test
	void stopsTheStartWhenAnOldNameIsSet() {
		MockEnvironment environment = new MockEnvironment().withProperty("fleet.validation.max-speed-kmh", "300");
		assertThatIllegalStateException().isThrownBy(() -> new RenamedProperties(environment))
			.withMessageContaining("fleet.ingestion.validation.max-speed-kmh")
			.withMessageContaining("FLEET_INGESTION_VALIDATION_MAX_SPEED_KMH");
	}

	@Test
	void stopsTheStartWhenAnOldEnvironmentVariableIsSet() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("env", Map.of("FLEET_VALIDATION_FUTURE_TOLERANCE", "1m")));
		assertThatIllegalStateException().isThrownBy(() -> new RenamedProperties(environment))
			.withMessageContaining("fleet.ingestion.validation.future-tolerance");
	}

	@Test
	void letsTheNewNamesPass() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("fleet.ingestion.validation.max-speed-kmh", "300")
			.withProperty("fleet.ingestion.validation.future-tolerance", "1m");
		assertThatNoException().isThrownBy(() -> new RenamedProperties(environment));
	}

}
