package org.fleettelemetry.ingestion;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows gathered column by column, bound as one text array per column for SQL to cast
 * ({@code unnest(?::bigint[], ?::timestamptz[], ...)}): one statement writes any number of rows,
 * whatever the driver's batching settings.
 */
final class Columns {

	private final List<List<String>> columns = new ArrayList<>();

	private final int expectedRows;

	private int rows;

	Columns(int expectedRows) {
		this.expectedRows = expectedRows;
	}

	/** Adds a row; {@code null} stays SQL {@code NULL}, anything else is bound as its {@code toString()}. */
	void add(Object... row) {
		if (this.columns.isEmpty()) {
			for (int i = 0; i < row.length; i++) {
				this.columns.add(new ArrayList<>(this.expectedRows));
			}
		}
		for (int i = 0; i < row.length; i++) {
			this.columns.get(i).add((row[i] != null) ? row[i].toString() : null);
		}
		this.rows++;
	}

	boolean isEmpty() {
		return this.rows == 0;
	}

	/** One {@code String[]} per column, in the order of the rows' values. */
	Object[] arrays() {
		return this.columns.stream().map((column) -> column.toArray(String[]::new)).toArray();
	}

}
