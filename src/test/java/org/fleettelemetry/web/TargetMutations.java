package org.fleettelemetry.web;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a careless or hostile client makes of a valid request's method, path and query:
 * bad VINs and ids, odd encodings, parameters out of range, cursors that never came from
 * the service.
 */
final class TargetMutations {

	private static final Pattern VIN = Pattern.compile("/[A-HJ-NPR-Z0-9]{17}(?=/|\\?|$)");

	private static final Pattern ID = Pattern.compile("/(anomalies|webhooks|deliveries)/[^/?]+");

	private static final List<String> VINS = List.of("sjnfaaze0u6000001", "SJNFAAZE0U600000", "SJNFAAZE0U60000011",
			"SJNFAAZE0U600000I", "SJNFAAZE0U6%00001", "SJNFAAZE0U6%2F00001", "SJNFAAZE0U6%C3%A9001", "%zz",
			"SJNFAAZE0U6000001%20", "..", "%2e%2e", "SJNFAAZE0U6000999", "1N4AZ0CP0DC499999", "SJNFAAZE0U6000001;x=1",
			"SJNFAAZE0U6000001.json", "%FF%FE", "a".repeat(3_000));

	private static final List<String> IDS = List.of("0", "-1", "abc", "99999999999999999999", "1e3", "1.5", "%20",
			"msg_1", "00000000-0000-0000-0000-000000000000", "%00", "9223372036854775807", "1;x", "");

	private static final List<String> PARAMS = List.of("size=0", "size=-1", "size=1001", "size=1e3", "size=abc",
			"size=99999999999999999999", "size=", "size=1&size=2", "cursor=garbage", "cursor=eyJ4IjoxfQ",
			"cursor=%00%FF", "cursor=" + "A".repeat(5_000), "from=2014-13-01", "from=2014-09-30&to=2014-09-01",
			"from=1900-01-01&to=2100-01-01", "to=+99999-01-01", "from=2014-09-30T00:00:00Z", "limit=0", "limit=101",
			"limit=-5", "limit=abc", "limit=99999999999", "scope=XYZ", "scope=VEHICLE", "scope=vehicle&vin=%zz",
			"sort=bogus", "sort=distanceKm,sideways", "sort=vin,asc,desc", "status=BOGUS", "status=", "code=NOPE",
			"country=ZZ", "country=%C3%A9", "vinPrefix=" + "A".repeat(40), "reportedSince=yesterday", "vin=abc",
			"%zz=1", "a=%", "=1", "&&&");

	private static final List<String> PATHS = List.of("/", "//", "/./", "/%2e/", "%2F", "%5C", ";jsessionid=x", ".json",
			"%00", "%", "/..", "~", "%20", "#fragment");

	private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE",
			"FOO", "get");

	private final Random random;

	TargetMutations(Random random) {
		this.random = random;
	}

	void mutate(FuzzRequest request) {
		request.retargeted = true;
		switch (this.random.nextInt(5)) {
			case 0 -> replace(request, VIN, "/" + pick(VINS), "VIN");
			case 1 -> replaceId(request);
			case 2 -> {
				String param = pick(PARAMS);
				request.target += (request.target.contains("?") ? "&" : "?") + param;
				request.mutations.add("query " + abbreviated(param));
			}
			case 3 -> {
				String odd = pick(PATHS);
				int query = request.target.indexOf('?');
				int at = (query >= 0) ? query : request.target.length();
				int slash = request.target.lastIndexOf('/', at - 1);
				int where = this.random.nextBoolean() ? at : slash;
				request.target = request.target.substring(0, where) + odd + request.target.substring(where);
				request.mutations.add("path with " + odd);
			}
			default -> {
				request.method = pick(METHODS);
				request.mutations.add("method " + request.method);
			}
		}
	}

	private void replaceId(FuzzRequest request) {
		Matcher matcher = ID.matcher(request.target);
		if (!matcher.find()) {
			replace(request, VIN, "/" + pick(VINS), "VIN");
			return;
		}
		String id = pick(IDS);
		request.target = request.target.substring(0, matcher.start()) + "/" + matcher.group(1) + "/" + id
				+ request.target.substring(matcher.end());
		request.mutations.add("id " + id);
	}

	private void replace(FuzzRequest request, Pattern pattern, String replacement, String what) {
		Matcher matcher = pattern.matcher(request.target);
		if (matcher.find()) {
			request.target = request.target.substring(0, matcher.start()) + replacement
					+ request.target.substring(matcher.end());
			request.mutations.add(what + " " + abbreviated(replacement));
		}
		else {
			request.target += "/" + pick(IDS);
			request.mutations.add("path longer");
		}
	}

	private static String abbreviated(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "..." : value;
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

}
