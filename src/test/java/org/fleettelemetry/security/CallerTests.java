package org.fleettelemetry.security;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each kind of caller may do beyond the request rules: read a vehicle's figures, see
 * whole VINs in public answers.
 */
class CallerTests {

	static final String VIN = "SJNFAAZE0U6000001";

	static final String OTHER = "SJNFAAZE0U6000002";

	static final UUID KEY = UUID.fromString("0b8e3c1e-5f7a-4c2b-9a57-2f4e0d6c8a11");

	@Test
	void onlyTheAdminAndReadersSeeWholeVins() {
		assertThat(Caller.seesWholeVins(null)).isFalse();
		assertThat(Caller.seesWholeVins(Caller.vehicle(VIN))).isFalse();
		assertThat(Caller.seesWholeVins(Caller.service(Caller.Role.GATEWAY))).isFalse();
		assertThat(Caller.seesWholeVins(new Caller(Caller.Role.GATEWAY, null, KEY))).isFalse();
		assertThat(Caller.seesWholeVins(new Caller(Caller.Role.READ, null, KEY))).isTrue();
		assertThat(Caller.seesWholeVins(new Caller(Caller.Role.ADMIN, null, KEY))).isTrue();
		assertThat(Caller.seesWholeVins(Caller.service(Caller.Role.ADMIN))).isTrue();
	}

	@Test
	void aReaderReadsEveryVehicleAndActsForNone() {
		Caller reader = new Caller(Caller.Role.READ, null, KEY);
		assertThat(reader.mayRead(VIN)).isTrue();
		assertThat(reader.owns(VIN)).isFalse();
		assertThat(reader.isAdmin()).isFalse();
		assertThat(Caller.vehicle(VIN).mayRead(VIN)).isTrue();
		assertThat(Caller.vehicle(VIN).mayRead(OTHER)).isFalse();
		assertThat(Caller.service(Caller.Role.GATEWAY).mayRead(VIN)).isFalse();
	}

	@Test
	void namesAKeyByItsScopeAndIdForTheAuditTrail() {
		assertThat(new Caller(Caller.Role.ADMIN, null, KEY).authentication().getName())
			.isEqualTo("ADMIN key 0b8e3c1e-5f7a-4c2b-9a57-2f4e0d6c8a11");
		assertThat(Caller.service(Caller.Role.ADMIN).authentication().getName()).isEqualTo("ADMIN");
		assertThat(Caller.vehicle(VIN).authentication().getName()).isEqualTo(VIN);
	}

}
