package org.fleettelemetry.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.fleettelemetry.shared.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin token in force: the configured one, or, when none is, one generated on the
 * first start, logged once and kept in a file readable by its owner only, so that later
 * runs (and the README's examples) use the same.
 */
final class AdminToken {

	private static final Logger log = LoggerFactory.getLogger(AdminToken.class);

	private AdminToken() {
	}

	static String resolve(SecuritySettings.Admin settings) {
		if (settings.token() != null && !settings.token().isBlank()) {
			return settings.token();
		}
		Path file = Path.of(settings.generatedTokenFile());
		try {
			String kept = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : "";
			if (!kept.isEmpty()) {
				log.info("No fleet.admin.token is configured; using the generated one kept in {}",
						file.toAbsolutePath());
				return kept;
			}
			// an empty file (a start that died while writing it) never makes
			// an empty admin token
			String token = Secrets.generate("adm_");
			Path directory = file.toAbsolutePath().getParent();
			Files.createDirectories(directory);
			Path written = Files.createTempFile(directory, ".admin-token", ".tmp");
			restrict(written);
			Files.writeString(written, token, StandardCharsets.UTF_8);
			Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			// the token itself never goes to a log: logs are collected, kept and read
			// by more people than the token is meant for
			log.warn("No fleet.admin.token (env FLEET_ADMIN_TOKEN) is configured. Generated an admin token, kept in {} "
					+ "(readable by its owner only): read it there", file.toAbsolutePath());
			return token;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not keep the generated admin token in " + file, ex);
		}
	}

	private static void restrict(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: its default permissions stand
		}
	}

}
