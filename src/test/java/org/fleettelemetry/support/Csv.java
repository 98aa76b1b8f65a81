package org.fleettelemetry.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads a CSV answer back, and its JSON twin, as rows of text to compare.
 */
public final class Csv {

	private Csv() {
	}

	/**
	 * The rows of a CSV text with a header row, each as its header's names to its values.
	 */
	public static List<Map<String, String>> rows(String text) {
		List<Map<String, String>> rows = new ArrayList<>();
		try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
			.with(CsvSchema.emptySchema().withHeader())
			.readValues(text)) {
			it.forEachRemaining((row) -> rows.add(new LinkedHashMap<>(row)));
		}
		return rows;
	}

	/** The same, from the JSON answer of the same read. */
	public static List<Map<String, String>> rows(JsonNode json) {
		List<Map<String, String>> rows = new ArrayList<>();
		json.forEach((item) -> {
			Map<String, String> row = new LinkedHashMap<>();
			item.properties()
				.forEach((field) -> row.put(field.getKey(), field.getValue().isFloatingPointNumber()
						? field.getValue().decimalValue().setScale(3).toPlainString() : field.getValue().asString()));
			rows.add(row);
		});
		return rows;
	}

}
