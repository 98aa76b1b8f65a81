package org.fleettelemetry.webhooks;

import java.time.Duration;

import org.fleettelemetry.shared.FleetException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookUrlsTests {

	static WebhookUrls urls(boolean allowPrivate) {
		return new WebhookUrls(new WebhookSettings(allowPrivate, new WebhookSettings.Retry(Duration.ofSeconds(10), 12),
				new WebhookSettings.Dispatch(true, Duration.ofSeconds(1), 16, Duration.ofSeconds(5),
						Duration.ofSeconds(10))));
	}

	static void refused(WebhookUrls urls, String url) {
		assertThatThrownBy(() -> urls.check(url)).isInstanceOfSatisfying(FleetException.class,
				(ex) -> assertThat(ex.field()).isEqualTo("url"));
	}

	@Test
	void acceptsHttpsOnAPublicAddress() {
		assertThat(urls(false).check("https://93.184.215.14/hooks?x=1")).hasHost("93.184.215.14");
		assertThat(urls(false).check("https://[2606:4700::1111]/hooks")).hasPath("/hooks");
	}

	@Test
	void refusesImpossiblePortsWhateverTheSetting() {
		for (boolean allowPrivate : new boolean[] { false, true }) {
			refused(urls(allowPrivate), "https://93.184.215.14:99999/hooks");
			refused(urls(allowPrivate), "https://93.184.215.14:0/hooks");
		}
		assertThat(urls(false).check("https://93.184.215.14:8443/hooks")).hasPort(8443);
	}

	@Test
	void refusesPlainHttpAndOtherSchemes() {
		refused(urls(false), "http://93.184.215.14/hooks");
		refused(urls(false), "ftp://93.184.215.14/hooks");
		refused(urls(false), "not a url");
	}

	@Test
	void refusesPrivateLoopbackLinkLocalAndUnspecifiedAddresses() {
		for (String host : new String[] { "127.0.0.1", "localhost", "10.1.2.3", "172.16.0.1", "192.168.1.1",
				"169.254.169.254", "0.0.0.0", "100.64.0.1", "[::1]", "[fe80::1]", "[fd00::1]", "[::]",
				"[::ffff:127.0.0.1]" }) {
			refused(urls(false), "https://" + host + "/hooks");
		}
	}

	@Test
	void allowingPrivateUrlsAdmitsHttpAndLoopback() {
		assertThat(urls(true).check("http://127.0.0.1:8123/hooks")).hasPort(8123);
	}

}
