package org.fleettelemetry.ingestion;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TimestampsTests {

	@ParameterizedTest
	@ValueSource(strings = { "2014-09-30T12:00:00Z", "2014-09-30T12:00:00.250Z", "2014-09-30T12:00:00.123456789Z",
			"2016-02-29T23:59:59.9Z", "2014-09-30T14:00:00+02:00", "2014-09-30T06:30:00.5-05:30",
			"1970-01-01T00:00:00Z", "2099-12-31T23:59:59.000001+00:00", "2014-09-30T12:00:00-00:00" })
	void readsWhatTheIsoFormatterReads(String text) {
		assertThat(Timestamps.parse(text)).isEqualTo(DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from));
	}

	@Test
	void readsOffsetsAsTheSameInstant() {
		assertThat(Timestamps.parse("2014-09-30T14:00:00+02:00")).isEqualTo(Instant.parse("2014-09-30T12:00:00Z"));
		assertThat(Timestamps.parse("2014-09-30T06:30:00.5-05:30")).isEqualTo(Instant.parse("2014-09-30T12:00:00.5Z"));
	}

	@Test
	void leavesRareShapesToTheIsoFormatter() {
		// a leap second, as ISO_INSTANT reads it
		assertThat(Timestamps.parse("2016-12-31T23:59:60Z")).isEqualTo(Instant.parse("2016-12-31T23:59:59Z"));
		// a decimal point without digits
		assertThat(Timestamps.parse("2014-09-30T12:00:00.Z")).isEqualTo(Instant.parse("2014-09-30T12:00:00Z"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "2014-09-30", "2014-09-30T12:00:00", "2014-02-30T12:00:00Z", "2014-13-01T12:00:00Z",
			"2014-09-30T24:00:01Z", "2014-09-30T12:60:00Z", "2014-09-30T12:00:00+2:00", "2014-09-30 12:00:00Z",
			"2014-09-30T12:00:00Zjunk", "yesterday", "2014-09-30T12:00:00+19:00", "2014-09-30T12:00:00.\u0663Z" })
	void refusesWhatIsNotAnInstantWithAnOffset(String text) {
		assertThatExceptionOfType(DateTimeException.class).isThrownBy(() -> Timestamps.parse(text));
	}

}
