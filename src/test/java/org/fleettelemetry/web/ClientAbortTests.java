package org.fleettelemetry.web;

import java.io.IOException;
import java.lang.reflect.Method;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that hangs up is no error of the service's: nothing is answered and nothing is
 * logged as an error.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientAbortTests {

	@Test
	void aClientThatHungUpIsHandledQuietly(CapturedOutput output) throws Exception {
		ExceptionHandlerMethodResolver handlers = new ExceptionHandlerMethodResolver(ProblemHandler.class);
		for (Exception gone : new Exception[] { new ClientAbortException(new IOException("Broken pipe")),
				new AsyncRequestNotUsableException("Response not usable after response errors") }) {
			Method handler = handlers.resolveMethod(gone);
			assertThat(handler).as(gone.toString()).isNotNull();
			assertThat(handler.getName()).isEqualTo("clientGone");
			handler.setAccessible(true);
			assertThat(handler.invoke(new ProblemHandler(), gone)).isNull();
		}
		assertThat(output.getAll()).doesNotContain("ERROR").doesNotContain("Broken pipe");
	}

}
