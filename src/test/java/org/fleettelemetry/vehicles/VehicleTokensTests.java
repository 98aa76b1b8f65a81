package org.fleettelemetry.vehicles;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VehicleTokensTests {

	/** SHA-256 of "abc", from FIPS 180-2. */
	private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

	@Test
	void hashesWithSha256AndEachHashStartsAfresh() {
		assertThat(VehicleTokens.hash("abc")).isEqualTo(ABC);
		VehicleTokens.hash("vt_another");
		assertThat(VehicleTokens.hash("abc")).isEqualTo(ABC);
	}

	@Test
	void hashesAlikeOnEveryThread() throws Exception {
		assertThat(CompletableFuture.supplyAsync(() -> VehicleTokens.hash("abc")).get()).isEqualTo(ABC);
	}

	@Test
	void generatesDistinctTokensOf32RandomBytes() {
		String token = VehicleTokens.generate();
		assertThat(token).startsWith("vt_").hasSize(3 + 43).isNotEqualTo(VehicleTokens.generate());
	}

}
