package org.fleettelemetry.ingestion;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows gathered column by column, bound as one text array per column for SQL to cast
 * ({@code unnest(?::bigint[], ?::timestamptz[], ...)}): one statement writes any number
 * of rows, whatever the driver's batching settings.
 */
final class Columns {

	private final List<List<String>> columns = new ArrayList<>();

	private int rows;

	Columns(int columns, int expectedRows) {
		for (int i = 0; i < columns; i++) {
			this.columns.add(new ArrayList<>(expectedRows));
		}
	}

	/**
	 * Adds a row; {@code null} stays SQL {@code NULL}, anything else is bound as its
	 * {@code toString()}.
	 */
	void add(Object... row) {
		if (row.length != this.columns.size()) {
			throw new IllegalArgumentException("A row of " + this.columns.size() + " values, not " + row.length);
		}
		for (int i = 0; i < row.length; i++) {
			this.columns.get(i).add((row[i] != null) ? row[i].toString() : null);
		}
		this.rows++;
	}

	/**
	 * One {@code String[]} per column, in the order of the rows' values; empty arrays for
	 * no rows.
	 */
	Object[] arrays() {
		return this.columns.stream().map((column) -> column.toArray(String[]::new)).toArray();
	}

}
