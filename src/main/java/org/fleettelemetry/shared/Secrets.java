package org.fleettelemetry.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer secrets the service issues (vehicle tokens, API keys, a generated admin token):
 * 32 random bytes, shown once; where one is stored, only its SHA-256 is. A fast hash is
 * enough for secrets of that entropy, and lets a secret be found by its hash.
 */
public final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * One digest per thread: every authenticated request hashes its token, and looking
	 * the algorithm up among the security providers each time cost more than the hash
	 * itself.
	 */
	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Secrets::sha256);

	private Secrets() {
	}

	/**
	 * A new secret: {@code prefix} (which tells its kind at a glance) and 32 random bytes
	 * in URL-safe Base64.
	 */
	public static String generate(String prefix) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * The SHA-256 of {@code secret}, in hexadecimal: what is stored and looked up.
	 */
	public static String hash(String secret) {
		// digest() leaves the digest reset for the next call
		return HexFormat.of().formatHex(SHA_256.get().digest(secret.getBytes(StandardCharsets.UTF_8)));
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
