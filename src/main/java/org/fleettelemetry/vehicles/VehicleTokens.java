package org.fleettelemetry.vehicles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Vehicle tokens: 32 random bytes, shown once; only their SHA-256 is stored. A fast hash
 * is enough for secrets of that entropy, and lets a token be found by its hash.
 */
public final class VehicleTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * One digest per thread: every authenticated request hashes its token, and looking
	 * the algorithm up among the security providers each time cost more than the hash
	 * itself.
	 */
	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(VehicleTokens::sha256);

	private VehicleTokens() {
	}

	static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "vt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static String hash(String token) {
		// digest() leaves the digest reset for the next call
		return HexFormat.of().formatHex(SHA_256.get().digest(token.getBytes(StandardCharsets.UTF_8)));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java platform", ex);
		}
	}

}
