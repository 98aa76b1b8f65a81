package org.fleettelemetry.support;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions every read of the administrative side shares: how it refuses bad parameters,
 * and who may read it.
 */
public final class ReadAssertions {

	private ReadAssertions() {
	}

	/**
	 * Asserts that {@code path} with each query is a 400 {@code INVALID_FIELD} problem
	 * naming the parameter given for that query.
	 */
	public static void assertInvalidParameters(Api api, String path, String token, Map<String, String> parameters) {
		parameters.forEach((query, parameter) -> {
			Api.Response answer = api.get(path + "?" + query, token);
			assertThat(answer.status()).as(query).isEqualTo(400);
			assertThat(answer.text("code")).as(query).isEqualTo("INVALID_FIELD");
			assertThat(answer.body().toString()).as(query).contains(parameter);
		});
	}

	/**
	 * Asserts that the admin and the vehicle itself ({@code own}) read {@code path}, and
	 * that another vehicle ({@code other}), the gateway and a caller without a token do
	 * not.
	 */
	public static void assertReadByAdminAndVehicleOnly(Api api, String path, String own, String other) {
		assertThat(api.get(path, IntegrationTests.ADMIN_TOKEN).status()).isEqualTo(200);
		assertThat(api.get(path, own).status()).isEqualTo(200);
		assertThat(api.get(path, other).status()).isEqualTo(403);
		assertThat(api.get(path, IntegrationTests.GATEWAY_TOKEN).status()).isEqualTo(403);
		assertThat(api.get(path, null).status()).isEqualTo(401);
	}

}
