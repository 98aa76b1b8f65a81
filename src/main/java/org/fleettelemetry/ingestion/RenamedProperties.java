package org.fleettelemetry.ingestion;

import java.util.Locale;
import java.util.Map;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Stops the start when a renamed ingestion property is still set: a value given under its
 * old name would otherwise be ignored in silence, and the service would judge reports by
 * the default instead of the operator's setting. The IDE metadata marks the old names
 * too.
 */
@Component
class RenamedProperties {

	/** Old name to new name. */
	static final Map<String, String> RENAMED = Map.of("fleet.validation.max-speed-kmh",
			"fleet.ingestion.validation.max-speed-kmh", "fleet.validation.future-tolerance",
			"fleet.ingestion.validation.future-tolerance");

	RenamedProperties(Environment environment) {
		RENAMED.forEach((old, renamed) -> {
			if (environment.containsProperty(old)) {
				throw new IllegalStateException("The property " + old + " (or its environment variable) was renamed "
						+ renamed + " (environment variable "
						+ renamed.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')
						+ "): set that one instead");
			}
		});
	}

}
