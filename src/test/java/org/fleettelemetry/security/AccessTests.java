package org.fleettelemetry.security;

import org.fleettelemetry.fleet.FleetSummary;

import java.time.Instant;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.fleettelemetry.fleet.FleetFigures;
import org.fleettelemetry.ingestion.Ingestion;
import org.fleettelemetry.shared.Secrets;
import org.fleettelemetry.support.MvcClient;
import org.fleettelemetry.support.WebSliceConfiguration;
import org.fleettelemetry.support.WebSliceTests;
import org.fleettelemetry.vehicles.VehicleStatus;
import org.fleettelemetry.vehicles.VehicleTokens;
import org.fleettelemetry.vehicles.VehicleView;
import org.fleettelemetry.vehicles.Vehicles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.json.AbstractJsonContentAssert;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fleettelemetry.support.ProblemAssertions.assertProblem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Who may call what (the security configuration and the bearer token filter), on the web
 * slice: which vehicle a token belongs to is stubbed in the vehicle registry.
 */
class AccessTests extends WebSliceTests {

	static final String MINE = "SJNFAAZE0U6000001";

	static final String OTHER = "SJNFAAZE0U6000002";

	static final String TOKEN = "vt_token-of-mine";

	static final String REPORT = """
			{"reportId": "odo-1", "type": "ODOMETER", "recordedAt": "2014-09-30T10:00:00Z", "odometerKm": 10.0}""";

	/** The vehicle {@link #MINE}, with its token. */
	MvcClient vehicle;

	@Autowired
	Vehicles vehicles;

	@Autowired
	Ingestion ingestion;

	@Autowired
	FleetFigures figures;

	@Autowired
	ApiKeys keys;

	@BeforeEach
	void tokenOfMine() {
		this.vehicle = new MvcClient(this.mvc, TOKEN);
		given(this.vehicles.vinOfTokenHash(VehicleTokens.hash(TOKEN))).willReturn(Optional.of(MINE));
	}

	@Test
	void aVehicleTokenCannotPostForAnotherVin() {
		assertProblem(this.vehicle.post("/api/v1/vehicles/" + OTHER + "/reports", REPORT), 403, "FORBIDDEN");
		assertProblem(this.vehicle.post("/api/v1/vehicles/" + OTHER + "/reports/batch", "[" + REPORT + "]"), 403,
				"FORBIDDEN");
		verifyNoInteractions(this.ingestion);
	}

	@Test
	void aVehicleTokenCannotReadAnotherVehicle() {
		given(this.vehicles.view(MINE)).willReturn(
				new VehicleView(MINE, "LEAF", "ES", BigDecimal.TEN, BigDecimal.ONE, 0, BigDecimal.ZERO, BigDecimal.ZERO,
						null, BigDecimal.ZERO, null, VehicleStatus.ACTIVE, WebSliceConfiguration.NOW, null));
		assertProblem(this.vehicle.get("/api/v1/vehicles/" + OTHER), 403, "FORBIDDEN");
		assertThat(this.vehicle.get("/api/v1/vehicles/" + MINE)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.vin")
			.isEqualTo(MINE);
	}

	@Test
	void noTokenIsUnauthorized() {
		assertUnauthorized(this.anonymous.post("/api/v1/vehicles/" + MINE + "/reports", REPORT));
		assertUnauthorized(this.anonymous.get("/api/v1/vehicles/" + MINE));
		assertUnauthorized(this.anonymous.get("/api/v1/anomalies"));
		verifyNoInteractions(this.ingestion);
	}

	@Test
	void aWrongTokenIsUnauthorized() {
		assertUnauthorized(
				new MvcClient(this.mvc, "vt_not-a-token").post("/api/v1/vehicles/" + MINE + "/reports", REPORT))
			.extractingPath("$.detail")
			.isEqualTo("The bearer token is not valid");
		verifyNoInteractions(this.ingestion);
	}

	@Test
	void anAuthorizationThatIsNoBearerTokenIsUnauthorized() {
		MvcTestResult basic = this.mvc.get()
			.uri("/api/v1/vehicles/" + MINE)
			.header(HttpHeaders.AUTHORIZATION, "Basic YWRtaW46YWRtaW4=")
			.exchange();
		assertUnauthorized(basic).extractingPath("$.detail").isEqualTo("Use Authorization: Bearer <token>");
	}

	@Test
	void adminEndpointsRefuseVehicleAndGatewayTokens() {
		String registration = "{\"vin\": \"SJNFAAZE0U6000003\", \"model\": \"LEAF\", \"country\": \"ES\"}";
		assertProblem(this.vehicle.post("/api/v1/vehicles", registration), 403, "FORBIDDEN");
		assertProblem(this.gateway.post("/api/v1/vehicles", registration), 403, "FORBIDDEN");
		assertProblem(this.vehicle.post("/api/v1/vehicles/" + MINE + "/token", ""), 403, "FORBIDDEN");
		assertProblem(this.vehicle.post("/api/v1/vehicles/" + MINE + "/odometer-resets",
				"{\"odometerKm\": 0, \"effectiveAt\": \"2015-01-01T00:00:00Z\"}"), 403, "FORBIDDEN");
		assertProblem(this.vehicle.get("/api/v1/anomalies"), 403, "FORBIDDEN");
		assertProblem(this.vehicle.post("/api/v1/reports/batch", "[]"), 403, "FORBIDDEN");
		verifyNoInteractions(this.ingestion);
	}

	@Test
	void theAdminAndTheGatewayPostForAnyVehicleAndAVehicleForItself() {
		assertThat(this.admin.post("/api/v1/vehicles/" + OTHER + "/reports/batch", "[]")).hasStatusOk();
		assertThat(this.gateway.post("/api/v1/vehicles/" + OTHER + "/reports/batch", "[]")).hasStatusOk();
		assertThat(this.admin.post("/api/v1/reports/batch", "[]")).hasStatusOk();
		assertThat(this.gateway.post("/api/v1/reports/batch", "[]")).hasStatusOk();
		assertThat(this.vehicle.post("/api/v1/vehicles/" + MINE + "/reports/batch", "[]")).hasStatusOk();
	}

	@Test
	void fleetFiguresArePublic() {
		given(this.figures.daily(any(), any())).willReturn(List.of());
		given(this.figures.countries()).willReturn(List.of());
		given(this.figures.summary()).willReturn(new FleetSummary(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0,
				0, 0, 0, 0, null, null, Instant.EPOCH));
		assertThat(this.anonymous.get("/api/v1/fleet/summary")).hasStatusOk();
		assertThat(this.anonymous.get("/api/v1/fleet/daily")).hasStatusOk();
		assertThat(this.anonymous.get("/api/v1/fleet/countries")).hasStatusOk();
	}

	@Test
	void aReadKeyReadsAsTheAdminAndIsRefusedEveryChange() {
		MvcClient read = keyOf(ApiKeyScope.READ, null);
		given(this.vehicles.view(MINE)).willReturn(
				new VehicleView(MINE, "LEAF", "ES", BigDecimal.TEN, BigDecimal.ONE, 0, BigDecimal.ZERO, BigDecimal.ZERO,
						null, BigDecimal.ZERO, null, VehicleStatus.ACTIVE, WebSliceConfiguration.NOW, null));
		assertThat(read.get("/api/v1/vehicles/" + MINE)).hasStatusOk();
		assertThat(read.get("/api/v1/webhooks")).hasStatusOk();
		assertProblem(
				read.post("/api/v1/vehicles",
						"{\"vin\": \"SJNFAAZE0U6000003\", \"model\": \"LEAF\", \"country\": \"ES\"}"),
				403, "FORBIDDEN");
		assertProblem(read.post("/api/v1/vehicles/" + MINE + "/reports", REPORT), 403, "FORBIDDEN");
		assertProblem(read.post("/api/v1/reports/batch", "[]"), 403, "FORBIDDEN");
		assertProblem(read.delete("/api/v1/webhooks/0b8e3c1e-5f7a-4c2b-9a57-2f4e0d6c8a11"), 403, "FORBIDDEN");
		assertProblem(read.post("/api/v1/admin/keys", "{\"name\": \"n\", \"scope\": \"ADMIN\"}"), 403, "FORBIDDEN");
		verifyNoInteractions(this.ingestion);
	}

	@Test
	void gatewayAndAdminKeysActAsTheirTokens() {
		MvcClient gateway = keyOf(ApiKeyScope.GATEWAY, null);
		assertThat(gateway.post("/api/v1/reports/batch", "[]")).hasStatusOk();
		assertProblem(gateway.get("/api/v1/webhooks"), 403, "FORBIDDEN");
		MvcClient admin = keyOf(ApiKeyScope.ADMIN, null);
		assertThat(admin.post("/api/v1/reports/batch", "[]")).hasStatusOk();
		assertThat(admin.get("/api/v1/webhooks")).hasStatusOk();
	}

	@Test
	void aKeyIsUnauthorizedFromTheInstantItExpires() {
		assertThat(keyOf(ApiKeyScope.ADMIN, WebSliceConfiguration.NOW.plusMillis(1)).get("/api/v1/webhooks"))
			.hasStatusOk();
		assertUnauthorized(keyOf(ApiKeyScope.ADMIN, WebSliceConfiguration.NOW).get("/api/v1/webhooks"));
		assertUnauthorized(new MvcClient(this.mvc, "fk_unknown").get("/api/v1/webhooks"));
	}

	/** A caller with a key of {@code scope} that expires at {@code expiresAt}. */
	private MvcClient keyOf(ApiKeyScope scope, Instant expiresAt) {
		String key = "fk_" + scope + "-" + expiresAt;
		given(this.keys.grantOf(Secrets.hash(key)))
			.willReturn(Optional.of(new ApiKeyGrant(UUID.randomUUID(), scope, expiresAt)));
		return new MvcClient(this.mvc, key);
	}

	private static AbstractJsonContentAssert<?> assertUnauthorized(MvcTestResult result) {
		assertThat(result).hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return assertProblem(result, 401, "UNAUTHORIZED");
	}

}
