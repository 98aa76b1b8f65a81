package org.fleettelemetry.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A request that changes something must accept the JSON answer before it changes
 * anything. Spring MVC negotiates the answer's form only once the handler has run, so a
 * report sent with {@code Accept: image/png} (or JSON in UTF-16) was credited and then
 * answered 406: the client was told no while the fleet said yes (found by the fuzz test).
 */
@Configuration(proxyBeanMethods = false)
class AnswerFirst implements WebMvcConfigurer, HandlerInterceptor {

	private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON);

	private final ContentNegotiationManager negotiation = new ContentNegotiationManager();

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws HttpMediaTypeNotAcceptableException {
		HttpMethod method = HttpMethod.valueOf(request.getMethod());
		if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
			return true;
		}
		for (MediaType accepted : this.negotiation.resolveMediaTypes(new ServletWebRequest(request))) {
			if (accepted.isCompatibleWith(MediaType.APPLICATION_JSON)
					&& (accepted.getCharset() == null || accepted.getCharset().equals(StandardCharsets.UTF_8))) {
				return true;
			}
		}
		throw new HttpMediaTypeNotAcceptableException(JSON);
	}

}
