package org.fleettelemetry.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Strong entity tags of answers, from a digest of what they show.
 */
public final class ETags {

	private ETags() {
	}

	/**
	 * A quoted entity tag of {@code content}: the first 128 bits of its SHA-256, in hex.
	 */
	public static String of(byte[] content) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
			return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			// every JVM has SHA-256
			throw new IllegalStateException(ex);
		}
	}

}
