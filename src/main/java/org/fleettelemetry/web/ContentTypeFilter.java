package org.fleettelemetry.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fleettelemetry.shared.ErrorCode;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every body the service takes is JSON: a body said to be anything else (a form, YAML, a
 * wildcard such as {@code application/*}, a type that does not parse) is 415 naming
 * {@code application/json}, before any code reads it. Left to Spring MVC, a wildcard or
 * YAML failed as a 500, and a form body that was not UTF-8 failed in the container's
 * parameter parsing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ContentTypeFilter extends OncePerRequestFilter {

	private final ProblemWriter problems;

	ContentTypeFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null && !json(contentType)) {
			this.problems.write(response, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
					"Send application/json; this body says " + contentType);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean json(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isConcrete() && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
					|| type.getSubtype().endsWith("+json") && type.getType().equals("application"));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
