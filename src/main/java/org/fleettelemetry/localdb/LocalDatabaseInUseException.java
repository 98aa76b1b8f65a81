package org.fleettelemetry.localdb;

import java.nio.file.Path;

/**
 * Another service, running, owns the embedded PostgreSQL's data directory.
 */
class LocalDatabaseInUseException extends IllegalStateException {

	private final transient Path directory;

	/**
	 * @param directory the data directory, absolute
	 * @param lockFile the file whose lock the other service holds
	 */
	LocalDatabaseInUseException(Path directory, Path lockFile) {
		super("The embedded PostgreSQL data directory " + directory + " is in use by another running service (it holds "
				+ lockFile + ")");
		this.directory = directory;
	}

	Path directory() {
		return this.directory;
	}

}
