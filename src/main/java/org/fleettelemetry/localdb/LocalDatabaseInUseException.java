package org.fleettelemetry.localdb;

import java.nio.file.Path;

/**
 * Another service, running, owns the embedded PostgreSQL's data directory.
 */
class LocalDatabaseInUseException extends IllegalStateException {

	private final transient Path directory;

	LocalDatabaseInUseException(Path directory, Path lockFile) {
		super("The embedded PostgreSQL data directory " + directory.toAbsolutePath().normalize()
				+ " is in use by another running service (it holds " + lockFile + ")");
		this.directory = directory;
	}

	Path directory() {
		return this.directory;
	}

}
