package org.fleettelemetry.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.shared.FleetException;
import org.fleettelemetry.support.WebSliceTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fleettelemetry.support.ProblemAssertions.assertProblem;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The webhook endpoints on the web slice, with the webhook service stubbed.
 */
class WebhookControllerTests extends WebSliceTests {

	static final UUID ID = UUID.fromString("0b7e2f55-3c1a-4f57-9a55-6d1f4f3c2a10");

	static final String WEBHOOK = "/api/v1/webhooks/" + ID;

	@Autowired
	Webhooks webhooks;

	@Test
	void endpointsAreTheAdminsAlone() {
		assertProblem(this.anonymous.post("/api/v1/webhooks", "{\"url\": \"https://93.184.215.14/\"}"), 401,
				"UNAUTHORIZED");
		assertProblem(this.gateway.post("/api/v1/webhooks", "{\"url\": \"https://93.184.215.14/\"}"), 403, "FORBIDDEN");
		assertProblem(this.anonymous.get("/api/v1/webhooks"), 401, "UNAUTHORIZED");
		verifyNoInteractions(this.webhooks);
	}

	@Test
	void registersAnEndpointAndShowsItsSecret() {
		given(this.webhooks.register("https://93.184.215.14/hooks"))
			.willReturn(new WebhookViews.WebhookCreated(ID, "https://93.184.215.14/hooks", "whsec_secret"));
		MvcTestResult result = this.admin.post("/api/v1/webhooks", "{\"url\": \"https://93.184.215.14/hooks\"}");
		assertThat(result).hasStatus(201);
		assertThat(result).bodyJson()
			.isStrictlyEqualTo("{\"id\": \"" + ID + "\", \"url\": \"https://93.184.215.14/hooks\", "
					+ "\"secret\": \"whsec_secret\"}");
	}

	@Test
	void aRegistrationWithoutAUrlNamesIt() {
		assertProblem(this.admin.post("/api/v1/webhooks", "{}"), 400, "INVALID_FIELD").extractingPath("$.field")
			.isEqualTo("url");
		verifyNoInteractions(this.webhooks);
	}

	@Test
	void listsTheEndpoints() {
		given(this.webhooks.list()).willReturn(List.of(new WebhookViews.WebhookEndpoint(ID,
				"https://93.184.215.14/hooks", Instant.parse("2024-05-01T12:00:00Z"))));
		assertThat(this.admin.get("/api/v1/webhooks")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("[{\"id\": \"" + ID + "\", \"url\": \"https://93.184.215.14/hooks\", "
					+ "\"createdAt\": \"2024-05-01T12:00:00Z\"}]");
	}

	@Test
	void removesAnEndpointOrSaysItIsNotFound() {
		assertThat(this.admin.delete(WEBHOOK)).hasStatus(204);
		then(this.webhooks).should().delete(ID.toString());
		willThrow(new FleetException(ErrorCode.WEBHOOK_NOT_FOUND, "No webhook")).given(this.webhooks)
			.delete(ID.toString());
		assertProblem(this.admin.delete(WEBHOOK), 404, "WEBHOOK_NOT_FOUND");
	}

	@Test
	void redeliversAnEventOrSaysWhyNot() {
		String path = WEBHOOK + "/deliveries/msg_1/redeliver";
		assertThat(this.admin.post(path, "")).hasStatus(202);
		then(this.webhooks).should().redeliver(ID.toString(), "msg_1");
		willThrow(new FleetException(ErrorCode.ALREADY_DELIVERED, "Delivered")).given(this.webhooks)
			.redeliver(ID.toString(), "msg_1");
		assertProblem(this.admin.post(path, ""), 409, "ALREADY_DELIVERED");
		willThrow(new FleetException(ErrorCode.DELIVERY_NOT_FOUND, "No such delivery")).given(this.webhooks)
			.redeliver(ID.toString(), "msg_1");
		assertProblem(this.admin.post(path, ""), 404, "DELIVERY_NOT_FOUND");
	}

}
