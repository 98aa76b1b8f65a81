package org.fleettelemetry.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

import org.fleettelemetry.shared.FleetException;

import org.springframework.stereotype.Component;

/**
 * Which endpoint URLs the service will call: https, on hosts that resolve only to public
 * addresses, so that a webhook cannot be aimed at the service's own network.
 * {@code fleet.webhooks.allow-private-urls} lifts both rules. Checked at registration and
 * again before every attempt (a name may resolve elsewhere later).
 */
@Component
class WebhookUrls {

	static final int MAX_LENGTH = 2048;

	private final boolean allowPrivate;

	WebhookUrls(WebhookSettings settings) {
		this.allowPrivate = settings.allowPrivateUrls();
	}

	/**
	 * The URL if it may be called, else a failure naming the field {@code url}.
	 */
	URI check(String url) {
		if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
			throw FleetException.invalidField("url", "is required, at most " + MAX_LENGTH + " characters");
		}
		URI uri = parse(url);
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !(this.allowPrivate && scheme.equals("http"))) {
			throw FleetException.invalidField("url", "must be an https URL");
		}
		if (uri.getHost() == null || uri.getRawUserInfo() != null) {
			throw FleetException.invalidField("url", "must name a host, without user information");
		}
		if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
			throw FleetException.invalidField("url", "must have a port from 1 to 65535");
		}
		if (!this.allowPrivate) {
			for (InetAddress address : resolve(uri.getHost())) {
				if (!isPublic(address)) {
					throw FleetException.invalidField("url",
							"must not resolve to a private, loopback or link-local address");
				}
			}
		}
		return uri;
	}

	private static URI parse(String url) {
		try {
			return new URI(url);
		}
		catch (URISyntaxException ex) {
			throw FleetException.invalidField("url", "is not a valid URL");
		}
	}

	private static InetAddress[] resolve(String host) {
		try {
			return InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			throw FleetException.invalidField("url", "its host " + host + " does not resolve");
		}
	}

	/**
	 * Whether an address is reachable on the public internet: not loopback, private (RFC
	 * 1918, shared RFC 6598, unique-local), link-local, unspecified, multicast or
	 * reserved.
	 */
	static boolean isPublic(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			return first != 0 && first < 240 && !(first == 100 && (second & 0xc0) == 64);
		}
		if (address instanceof Inet6Address v6 && v6.isIPv4CompatibleAddress()) {
			return isPublic(ipv4(bytes));
		}
		return (bytes[0] & 0xfe) != 0xfc;
	}

	private static InetAddress ipv4(byte[] v6) {
		try {
			return InetAddress.getByAddress(Arrays.copyOfRange(v6, 12, 16));
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
