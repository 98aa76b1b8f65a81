package org.fleettelemetry.web;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Records the paths of the report and fleet requests that reach a Spring MVC handler, for
 * {@link FastPathIntegrationTests}, which expects none of the ordinary ones to. Part of
 * every integration test's context ({@code IntegrationTests} imports it), so that that
 * test shares their context rather than start one of its own; the others never read it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class HandledBySpringMvc implements WebMvcConfigurer {

	private final Queue<String> paths = new ConcurrentLinkedQueue<>();

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (request.getRequestURI().endsWith("/reports")
						|| request.getRequestURI().startsWith("/api/v1/fleet/")) {
					HandledBySpringMvc.this.paths.add(request.getRequestURI());
				}
				return true;
			}

		})
			// before any interceptor of the application's, which may refuse the request
			// (AnswerFirst) once it has reached Spring MVC
			.order(Ordered.HIGHEST_PRECEDENCE);
	}

	/**
	 * The paths recorded since the last {@link #clear()}, in the order they came.
	 */
	List<String> paths() {
		return List.copyOf(this.paths);
	}

	void clear() {
		this.paths.clear();
	}

}
