package org.fleettelemetry.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class AdminTokenTests {

	@TempDir
	Path directory;

	@Test
	void usesTheConfiguredTokenAndKeepsNoFile() {
		Path file = this.directory.resolve("admin-token");

		assertThat(AdminToken.resolve(new SecuritySettings.Admin("configured", file.toString())))
			.isEqualTo("configured");
		assertThat(file).doesNotExist();
	}

	@Test
	void generatesATokenOnceAndKeepsIt() {
		SecuritySettings.Admin settings = new SecuritySettings.Admin(null,
				this.directory.resolve("admin-token").toString());

		String generated = AdminToken.resolve(settings);

		assertThat(generated).startsWith("adm_").hasSizeGreaterThan(40);
		assertThat(AdminToken.resolve(settings)).isEqualTo(generated);
	}

	@Test
	void logsWhereTheGeneratedTokenIsKeptButNeverTheToken(CapturedOutput output) {
		Path file = this.directory.resolve("admin-token");

		String token = AdminToken.resolve(new SecuritySettings.Admin(null, file.toString()));
		AdminToken.resolve(new SecuritySettings.Admin(null, file.toString()));

		assertThat(output.getAll()).contains(file.toAbsolutePath().toString()).doesNotContain(token);
	}

	@Test
	void neverTakesAnEmptyKeptFileForTheToken() throws IOException {
		Path file = this.directory.resolve("admin-token");
		Files.writeString(file, " \n", StandardCharsets.UTF_8);

		String token = AdminToken.resolve(new SecuritySettings.Admin(null, file.toString()));

		assertThat(token).startsWith("adm_");
		assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(token);
	}

}
