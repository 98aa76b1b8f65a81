package org.fleettelemetry.vehicles;

import java.math.BigDecimal;
import java.time.Instant;

import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.shared.FleetException;
import org.fleettelemetry.support.WebSliceTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fleettelemetry.support.ProblemAssertions.assertProblem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * The vehicle endpoints on the web slice, as the admin calls them, with the vehicle
 * registry stubbed: what the requests become, and how the registry's refusals are
 * answered.
 */
class VehicleControllerTests extends WebSliceTests {

	static final String VIN = "SJNFAAZE0U6000001";

	@Autowired
	Vehicles vehicles;

	@Autowired
	Registrations registrations;

	@Test
	void registersAVehicleAndAnswersItsToken() {
		VehicleRequests.Register request = new VehicleRequests.Register(VIN, "LEAF", "ES", new BigDecimal("12.5"),
				null);
		given(this.registrations.register(request)).willReturn(new VehicleRequests.Credentials(VIN, "vt_secret"));
		MvcTestResult result = this.admin.post("/api/v1/vehicles",
				"{\"vin\": \"" + VIN + "\", \"model\": \"LEAF\", \"country\": \"ES\", \"odometerKm\": 12.5}");
		assertThat(result).hasStatus(201);
		assertThat(result).bodyJson().isStrictlyEqualTo("{\"vin\": \"" + VIN + "\", \"token\": \"vt_secret\"}");
	}

	@Test
	void aVinRegisteredTwiceIsAConflict() {
		given(this.registrations.register(any())).willThrow(
				new FleetException(ErrorCode.VIN_ALREADY_REGISTERED, "A vehicle with VIN " + VIN + " is registered"));
		assertProblem(this.admin.post("/api/v1/vehicles", "{\"vin\": \"" + VIN + "\"}"), 409, "VIN_ALREADY_REGISTERED")
			.extractingPath("$.detail")
			.isEqualTo("A vehicle with VIN " + VIN + " is registered");
	}

	@Test
	void aBadVinInThePathIsRefused() {
		assertProblem(this.admin.get("/api/v1/vehicles/SHORT"), 400, "INVALID_FIELD").extractingPath("$.field")
			.isEqualTo("vin");
		then(this.vehicles).should(never()).view(anyString());
	}

	@Test
	void anUnknownVehicleIsNotFound() {
		given(this.vehicles.view(VIN)).willThrow(FleetException.vehicleNotFound(VIN));
		assertProblem(this.admin.get("/api/v1/vehicles/" + VIN), 404, "VEHICLE_NOT_FOUND").extractingPath("$.detail")
			.isEqualTo("No vehicle is registered with VIN " + VIN);
	}

	@Test
	void rotatesAToken() {
		given(this.vehicles.rotateToken(VIN)).willReturn(new VehicleRequests.Credentials(VIN, "vt_fresh"));
		MvcTestResult result = this.admin.post("/api/v1/vehicles/" + VIN + "/token", "");
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.token").isEqualTo("vt_fresh");
	}

	@Test
	void recordsAnOdometerReset() {
		Instant effectiveAt = Instant.parse("2015-03-01T08:00:00Z");
		given(this.vehicles.resetOdometer(VIN,
				new VehicleRequests.OdometerReset(BigDecimal.ZERO, null, effectiveAt, "new")))
			.willReturn(new VehicleRequests.OdometerResetDone(VIN, new BigDecimal("0.000"), effectiveAt));
		MvcTestResult result = this.admin.post("/api/v1/vehicles/" + VIN + "/odometer-resets",
				"{\"odometerKm\": 0, \"effectiveAt\": \"2015-03-01T08:00:00Z\", \"reason\": \"new\"}");
		assertThat(result).hasStatus(201);
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"vin": "SJNFAAZE0U6000001", "odometerKm": 0.000, "effectiveAt": "2015-03-01T08:00:00Z"}""");
	}

	@Test
	void aResetOutOfOrderIsAConflict() {
		given(this.vehicles.resetOdometer(anyString(), any()))
			.willThrow(new FleetException(ErrorCode.RESET_OUT_OF_ORDER, "effectiveAt must be after the previous"));
		assertProblem(this.admin.post("/api/v1/vehicles/" + VIN + "/odometer-resets",
				"{\"odometerKm\": 0, \"effectiveAt\": \"2015-03-01T08:00:00Z\"}"), 409, "RESET_OUT_OF_ORDER");
	}

}
