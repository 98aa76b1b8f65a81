package org.fleettelemetry.web;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Traces every request Tomcat takes ({@link RequestTracing}), with the tracer and the
 * propagation Spring Boot configured.
 */
@Component
class TomcatTracing implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	private final Tracer tracer;

	private final Propagator propagator;

	TomcatTracing(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addEngineValves(new RequestTracing(this.tracer, this.propagator));
	}

}
