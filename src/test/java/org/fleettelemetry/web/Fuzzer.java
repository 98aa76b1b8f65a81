package org.fleettelemetry.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends valid requests of the contract's endpoints, most of them mutated, over real HTTP,
 * one at a time, and checks each answer: never a 5xx, every 4xx a problem detail whose
 * {@code code} and {@code status} are right, never a 2xx for a body the contract refuses.
 * What the answers say was registered, retired and credited goes into
 * {@link ExpectedFigures}; the ids and cursors they show feed later requests.
 */
final class Fuzzer {

	/** Reads what was sent and answered leniently: the service is the strict one. */
	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

	private final int port;

	private final Random random;

	final FuzzFleet fleet;

	final ExpectedFigures expected = new ExpectedFigures();

	private final ContractRequests contract;

	private final BodyMutations bodies;

	private final HeaderMutations headers;

	private final TargetMutations targets;

	private final Answers answers;

	/** The first request of each kind of failure, and how often it came. */
	private final Map<String, String> failures = new LinkedHashMap<>();

	private final Map<String, Integer> failureCounts = new LinkedHashMap<>();

	final Map<String, int[]> sent = new TreeMap<>();

	final Map<Integer, Integer> statuses = new TreeMap<>();

	int requests;

	Fuzzer(int port, long seed) {
		this.port = port;
		this.random = new Random(seed);
		this.fleet = new FuzzFleet(this.random);
		this.contract = new ContractRequests(this.fleet, this.random);
		this.bodies = new BodyMutations(this.random);
		this.headers = new HeaderMutations(this.random);
		this.targets = new TargetMutations(this.random);
		this.answers = new Answers(this.fleet, this.expected, this::fail);
	}

	/** Sends {@code valid} requests of {@code endpoint} unmutated: a fleet to fuzz. */
	void prepare(String endpoint, int valid) {
		for (int i = 0; i < valid; i++) {
			send(this.contract.valid(endpoint));
		}
	}

	/**
	 * Sends {@code tries} requests, each of an endpoint drawn from {@code endpoints} (the
	 * report endpoints weighed thrice), three in ten valid, the others mutated once to
	 * three times in their body, headers, or target.
	 */
	void run(List<String> endpoints, int tries) {
		List<String> weighed = new ArrayList<>(endpoints);
		endpoints.stream().filter((e) -> e.contains("reports") && e.startsWith("POST")).forEach((e) -> {
			weighed.add(e);
			weighed.add(e);
		});
		for (String endpoint : endpoints) {
			// every endpoint once without credentials, whatever the draws
			FuzzRequest request = this.contract.valid(endpoint);
			request.headers.removeIf((h) -> h[0].equals("Authorization"));
			request.mutations.add("no Authorization");
			send(request);
		}
		for (int i = 0; i < tries; i++) {
			FuzzRequest request = this.contract.valid(weighed.get(this.random.nextInt(weighed.size())));
			if (this.random.nextInt(10) >= 3) {
				for (int n = 1 + this.random.nextInt(3); n > 0; n--) {
					mutate(request);
				}
			}
			send(request);
		}
	}

	private void mutate(FuzzRequest request) {
		int kind = this.random.nextInt(10);
		if (kind < 5 && request.hasBody()) {
			this.bodies.mutate(request);
		}
		else if (kind < 8) {
			this.headers.mutate(request);
		}
		else {
			this.targets.mutate(request);
		}
	}

	private void send(FuzzRequest request) {
		RawHttp.Answer answer;
		try {
			answer = RawHttp.exchange(this.port, request.wire(), 30_000);
		}
		catch (IOException ex) {
			fail(request, "no answer: " + ex, null);
			return;
		}
		this.requests++;
		boolean credentialed = request.header("Authorization") != null;
		this.sent.computeIfAbsent(request.endpoint, (e) -> new int[2])[credentialed ? 0 : 1]++;
		this.statuses.merge(answer.status(), 1, Integer::sum);
		if (check(request, answer)) {
			this.answers.observe(request, answer);
		}
	}

	/**
	 * Whether the answer keeps the contract's promises about errors; if not, a failure.
	 */
	private boolean check(FuzzRequest request, RawHttp.Answer answer) {
		int status = answer.status();
		if (status == 0) {
			if (!request.mayGoUnanswered) {
				fail(request, "the connection closed without an answer", answer);
			}
			return false;
		}
		// 501 is HTTP's answer to a method or a transfer coding no server implements
		// (CONNECT, Transfer-Encoding: gzip), as HostileRequestsIntegrationTests has it
		if (status >= 500 && status != 501) {
			fail(request, "status " + status, answer);
			return false;
		}
		if (status >= 200 && status < 300 && request.mustBeRefused && !request.retargeted) {
			fail(request, "a " + status + " for a body the contract refuses", answer);
			return false;
		}
		if (status < 400) {
			return true;
		}
		String type = answer.header("content-type");
		if (type == null || !type.startsWith("application/problem+json")) {
			fail(request, status + " as " + type, answer);
			return false;
		}
		JsonNode problem = parse(answer);
		if (problem == null || !problem.isObject() || !problem.path("code").isString()
				|| !CODE.matcher(problem.get("code").asString()).matches()) {
			fail(request, status + " without an UPPER_SNAKE code", answer);
			return false;
		}
		if (problem.path("status").asInt() != status) {
			fail(request, status + " whose problem says status " + problem.path("status"), answer);
			return false;
		}
		return true;
	}

	void fail(FuzzRequest request, String what, RawHttp.@Nullable Answer answer) {
		String kind = request.endpoint + ": " + what;
		if (this.failureCounts.merge(kind, 1, Integer::sum) == 1) {
			String answered = (answer != null)
					? answer.status() + " " + answer.headers() + "\n" + abbreviated(answer.text()) : "nothing";
			this.failures.put(kind, request.describe() + "\n  answered: " + answered);
		}
	}

	/** Each kind of failure once, with the first request that showed it. */
	List<String> failures() {
		List<String> failures = new ArrayList<>();
		this.failures
			.forEach((kind, example) -> failures.add(kind + " (" + this.failureCounts.get(kind) + "x)\n" + example));
		return failures;
	}

	/**
	 * An answer's body as JSON; asked for YAML, the service answers in YAML (Spring MVC's
	 * YAML converter, which springdoc brings), read here by Jackson 2's YAML format.
	 */
	static @Nullable JsonNode parse(RawHttp.Answer answer) {
		String type = String.valueOf(answer.header("content-type"));
		if (!type.startsWith("application/yaml") || answer.body().length == 0) {
			return parse(answer.body());
		}
		try {
			return JSON.readTree(
					new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(YAML.readTree(answer.body())));
		}
		catch (IOException | JacksonException ex) {
			return null;
		}
	}

	private static final YAMLMapper YAML = new YAMLMapper();

	static @Nullable JsonNode parse(byte @Nullable [] bytes) {
		if (bytes == null || bytes.length == 0) {
			return null;
		}
		try {
			return JSON.readTree(bytes);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** The UTC day of an ISO-8601 instant, with or without an offset. */
	static LocalDate day(String instant) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(instant, OffsetDateTime::from)
			.atZoneSameInstant(ZoneOffset.UTC)
			.toLocalDate();
	}

	private static String abbreviated(String text) {
		return (text.length() > 400) ? text.substring(0, 400) + "..." : text;
	}

}
