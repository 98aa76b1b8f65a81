package org.fleettelemetry.web;

import java.io.IOException;
import java.lang.reflect.Method;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DatabindException;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.converter.HttpMessageNotWritableException;
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
		// hung up while a JSON answer was written, as wrk leaves a page read at its end
		Exception cut = new HttpMessageNotWritableException("Could not write JSON",
				DatabindException.from((JsonGenerator) null, "ServletOutputStream failed to write",
						new AsyncRequestNotUsableException("ServletOutputStream failed to write",
								new ClientAbortException(new IOException("Broken pipe")))));
		Method handler = handlers.resolveMethod(cut);
		assertThat(handler).isNotNull();
		handler.setAccessible(true);
		assertThat(handler.invoke(new ProblemHandler(), cut)).isNull();
		assertThat(output.getAll()).doesNotContain("ERROR").doesNotContain("Broken pipe");
	}

}
