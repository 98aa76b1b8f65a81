package org.fleettelemetry.webhooks;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTests {

	@Test
	void signsThePublishedStandardWebhooksExample() {
		// the example of the Standard Webhooks reference libraries
		assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
				1614265330, "{\"test\": 2432232314}"))
			.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void aSecretIsWhsecAndTheBase64OfRandomBytes() {
		String secret = WebhookSignature.newSecret();
		assertThat(secret).startsWith("whsec_");
		assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeBetween(24, 64);
		assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
	}

}
