package org.fleettelemetry.web;

import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractGenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/**
 * Writes a list of records as CSV (RFC 4180, UTF-8) when a request asks for
 * {@code text/csv}: a header row of the records' JSON field names, then one row per
 * record with the same values as the JSON, so that a spreadsheet or a script takes a
 * series as it is. Written by Jackson's CSV format, never by joining strings.
 */
@Component
public class CsvMessageConverter extends AbstractGenericHttpMessageConverter<List<?>> {

	/** CSV in UTF-8. */
	public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	/** CSV, as a string for {@code produces}. */
	public static final String TEXT_CSV_VALUE = "text/csv";

	private final CsvMapper csv = CsvMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

	CsvMessageConverter() {
		super(TEXT_CSV);
		setDefaultCharset(StandardCharsets.UTF_8);
	}

	@Override
	public boolean canRead(Type type, @Nullable Class<?> contextClass, @Nullable MediaType mediaType) {
		return false;
	}

	@Override
	protected boolean supports(Class<?> clazz) {
		return List.class.isAssignableFrom(clazz);
	}

	@Override
	public boolean canWrite(@Nullable Type type, Class<?> clazz, @Nullable MediaType mediaType) {
		return rowType(type) != null && canWrite(mediaType) && mediaType != null && !mediaType.isWildcardType();
	}

	@Override
	protected void writeInternal(List<?> rows, @Nullable Type type, HttpOutputMessage output) throws IOException {
		Class<?> row = rowType(type);
		CsvSchema schema = this.csv.schemaFor(row).withHeader();
		this.csv.writer(schema).writeValue(output.getBody(), rows);
	}

	@Override
	protected List<?> readInternal(Class<? extends List<?>> clazz, HttpInputMessage input) {
		throw new HttpMessageNotReadableException("CSV is only written", input);
	}

	@Override
	public List<?> read(Type type, @Nullable Class<?> contextClass, HttpInputMessage input) {
		throw new HttpMessageNotReadableException("CSV is only written", input);
	}

	/**
	 * The record type of a {@code List<SomeRecord>}, or {@code null} for any other type.
	 */
	private static @Nullable Class<?> rowType(@Nullable Type type) {
		if (type == null) {
			return null;
		}
		ResolvableType resolved = ResolvableType.forType(type);
		if (!List.class.isAssignableFrom(resolved.toClass())) {
			return null;
		}
		Class<?> row = resolved.getGeneric(0).resolve();
		return (row != null && row.isRecord()) ? row : null;
	}

}
