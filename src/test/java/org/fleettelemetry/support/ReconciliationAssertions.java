package org.fleettelemetry.support;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end of every test that races or breaks something: the fleet's figures still equal
 * their sources ({@code GET /api/v1/admin/reconciliation}).
 */
public final class ReconciliationAssertions {

	public static final String PATH = "/api/v1/admin/reconciliation";

	private ReconciliationAssertions() {
	}

	/**
	 * Asserts that the service behind {@code api} reconciles: {@code ok}, no drift, and
	 * the four sums equal. Answers the reconciliation, for a test to compare its figures.
	 */
	public static Api.Response assertReconciled(Api api) {
		Api.Response answer = api.get(PATH, IntegrationTests.ADMIN_TOKEN);
		assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
		assertThat(answer.body().get("ok").asBoolean()).as(answer.body().toString()).isTrue();
		assertThat(answer.decimal("driftKm")).as(answer.body().toString()).isEqualByComparingTo(BigDecimal.ZERO);
		BigDecimal fleet = answer.decimal("fleetDistanceKm");
		for (String source : new String[] { "vehiclesDistanceKm", "countriesDistanceKm", "dailyDistanceKm" }) {
			assertThat(answer.decimal(source)).as(source).isEqualByComparingTo(fleet);
		}
		return answer;
	}

}
