package org.fleettelemetry.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * What a careless or hostile client makes of a valid JSON body: first on its tree (a
 * field dropped, added, of the wrong type, out of range), then on its bytes (a key twice,
 * cut short, not UTF-8, not JSON at all).
 */
final class BodyMutations {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Numbers no field takes, as JSON text: Jackson keeps them as written. */
	private static final List<String> NUMBERS = List.of("-1", "-0.0", "0.0001", "12345.6789", "1e308", "1e400",
			"-1e400", "1e-400", "9223372036854775808", "99999999999999999999999999999", "0", "1412236800000", "1.5E3",
			"100000000000000000.0");

	private static final List<String> TEXTS = List.of("", " ", "NaN", "Infinity", "-Infinity", "null", "12.5",
			"ODOMETER", "\u0000", "\u202e", "😀", "SJNFAAZE0U6000001", "2014-09-30T10:00:00Z", "2014-09-30 10:00:00",
			"2014-02-30T10:00:00Z", "+99999-01-01T00:00:00Z", "2014-09-30T10:00:00+25:00", "1412236800",
			"2014-09-30T10:00:00.123456789123Z", "2014-09-30", "<script>", "' or 1=1 --", "%s%n");

	private final Random random;

	BodyMutations(Random random) {
		this.random = random;
	}

	/** One mutation of the body of {@code request}, which has one. */
	void mutate(FuzzRequest request) {
		// once a mutation has written bytes, a change of the tree would not reach them
		if (request.json != null && request.bytes == null && this.random.nextInt(3) > 0) {
			onTree(request);
		}
		else {
			onBytes(request);
		}
	}

	private void onTree(FuzzRequest request) {
		JsonNode body = request.json.deepCopy();
		ObjectNode object = anObject(body);
		List<String> names = (object != null) ? new ArrayList<>(object.propertyNames()) : List.of();
		String name = names.isEmpty() ? "reportId" : names.get(this.random.nextInt(names.size()));
		boolean singleObject = body.isObject();
		switch ((object == null) ? 7 : this.random.nextInt(9)) {
			case 0 -> mutation(request, "drop " + name, () -> object.remove(name));
			case 1 -> {
				String unknown = pick(List.of("unit", "odometerMiles", "Vin", "reportID", "extra", "", "__proto__"));
				object.put(unknown, "mi");
				request.mutations.add("unknown field " + unknown);
				request.mustBeRefused |= singleObject;
			}
			case 2 -> {
				object.set(name, aValueOfAnyType());
				request.mutations.add("any type in " + name);
			}
			case 3 -> {
				JsonNode value = object.get(name);
				object.put(name, (value == null || value.isNull()) ? "1"
						// a raw value an earlier mutation wrote is written as it is
						: (value.isValueNode() && !value.isPojo()) ? value.asString() : value.toString());
				request.mutations.add("as text: " + name);
				request.mustBeRefused |= singleObject && value != null && value.isNumber();
			}
			case 4 -> {
				String number = pick(NUMBERS);
				object.set(name, NODES.rawValueNode(new RawValue(number)));
				request.mutations.add(name + " = " + number);
			}
			case 5 -> {
				String text = pick(TEXTS);
				object.put(name, text);
				request.mutations.add(name + " = \"" + text + "\"");
			}
			case 6 -> {
				int length = pick(List.of(65, 257, 5_000, 70_000));
				object.put(name, "x".repeat(length));
				request.mutations.add(name + " of " + length + " characters");
			}
			case 7 -> {
				body = shapeOf(body);
				request.mutations.add("shape " + body.getNodeType());
			}
			default -> {
				int depth = pick(List.of(50, 600, 3_000));
				object.set(name, NODES.rawValueNode(new RawValue("[".repeat(depth) + "]".repeat(depth))));
				request.mutations.add(name + " nested " + depth + " deep");
			}
		}
		request.json = body;
	}

	private void mutation(FuzzRequest request, String name, Runnable change) {
		change.run();
		request.mutations.add(name);
	}

	/** The body as an array, an object, a scalar or a batch too large. */
	private JsonNode shapeOf(JsonNode body) {
		return switch (this.random.nextInt(5)) {
			case 0 -> NODES.arrayNode().add(body);
			case 1 -> (body.isArray() && !body.isEmpty()) ? body.get(0) : NODES.objectNode();
			case 2 -> NODES.arrayNode();
			case 3 -> {
				ArrayNode many = NODES.arrayNode();
				JsonNode item = body.isArray() && !body.isEmpty() ? body.get(0) : body;
				for (int i = 0; i < 1_001; i++) {
					many.add(item);
				}
				yield many;
			}
			default ->
				pick(List.of(NODES.nullNode(), NODES.stringNode("{}"), NODES.numberNode(1), NODES.booleanNode(true)));
		};
	}

	private void onBytes(FuzzRequest request) {
		byte[] body = request.body();
		int choice = this.random.nextInt(10);
		request.bytes = switch (choice) {
			case 0 -> twice(request, body);
			case 1 -> {
				request.mutations.add("cut short");
				yield Arrays.copyOf(body, (body.length > 1) ? this.random.nextInt(body.length) : 0);
			}
			case 2 -> {
				byte[] bad = pick(List.of(new byte[] { (byte) 0xC3, 0x28 }, new byte[] { (byte) 0xFF },
						new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xE9 }));
				request.mutations.add("bytes not UTF-8");
				yield insert(body, inAString(body), bad);
			}
			case 3 -> {
				request.mutations.add("empty body");
				yield new byte[0];
			}
			case 4 -> {
				String tail = pick(List.of("}", "{}", "xyz", " ", "\u0000", ",", "]"));
				request.mutations.add("trailing " + tail);
				yield concat(body, tail.getBytes(StandardCharsets.UTF_8));
			}
			case 5 -> {
				request.mutations.add("byte order mark");
				yield concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, body);
			}
			case 6 -> {
				request.mutations.add("single quotes");
				yield new String(body, StandardCharsets.UTF_8).replace('"', '\'').getBytes(StandardCharsets.UTF_8);
			}
			case 7 -> {
				request.mutations.add("bytes flipped");
				byte[] flipped = body.clone();
				for (int i = 0; i < 3 && flipped.length > 0; i++) {
					flipped[this.random.nextInt(flipped.length)] = (byte) this.random.nextInt(256);
				}
				yield flipped;
			}
			case 8 -> {
				int size = pick(List.of(65 * 1024, 1025 * 1024));
				request.mutations.add("padded to " + size + " bytes");
				yield concat(body, " ".repeat(Math.max(0, size - body.length)).getBytes(StandardCharsets.UTF_8));
			}
			default -> {
				request.mutations.add("comment");
				yield concat("/* a comment */".getBytes(StandardCharsets.UTF_8), body);
			}
		};
	}

	/**
	 * The first key of the first object given again: the whole request must be refused.
	 */
	private byte[] twice(FuzzRequest request, byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		int open = text.indexOf('{');
		int colon = text.indexOf(':', open);
		int end = text.indexOf(',', colon);
		if (open < 0 || colon < 0 || end < 0 || text.charAt(open + 1) != '"') {
			request.mutations.add("no key to give twice");
			return body;
		}
		request.mutations.add("key twice: " + text.substring(open + 1, colon));
		request.mustBeRefused = true;
		return (text.substring(0, open + 1) + text.substring(open + 1, end + 1) + text.substring(open + 1))
			.getBytes(StandardCharsets.UTF_8);
	}

	/** A place inside a JSON string, if the body has one. */
	private int inAString(byte[] body) {
		for (int tries = 0; tries < 20 && body.length > 0; tries++) {
			int at = this.random.nextInt(body.length);
			if (body[at] == '"' && at + 1 < body.length) {
				return at + 1;
			}
		}
		return (body.length > 0) ? this.random.nextInt(body.length) : 0;
	}

	private ObjectNode anObject(JsonNode body) {
		if (body.isObject()) {
			return (ObjectNode) body;
		}
		if (body.isArray() && !body.isEmpty()) {
			JsonNode item = body.get(this.random.nextInt(body.size()));
			return item.isObject() ? (ObjectNode) item : null;
		}
		return null;
	}

	private JsonNode aValueOfAnyType() {
		return switch (this.random.nextInt(6)) {
			case 0 -> NODES.nullNode();
			case 1 -> NODES.booleanNode(false);
			case 2 -> NODES.arrayNode().add(1);
			case 3 -> NODES.objectNode().put("km", 1);
			case 4 -> NODES.numberNode(this.random.nextInt(100_000));
			default -> NODES.stringNode(pick(TEXTS));
		};
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private static byte[] insert(byte[] body, int at, byte[] part) {
		return concat(concat(Arrays.copyOf(body, at), part), Arrays.copyOfRange(body, at, body.length));
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

}
