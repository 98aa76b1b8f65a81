package org.fleettelemetry.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The actuator's refusals as problem details: a health group or path it does not know is
 * a 404 that the actuator answers with no body at all, through no exception that
 * {@link ProblemHandler} could see. An error answer still empty when it is flushed gets
 * its problem detail written first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ActuatorProblemFilter extends OncePerRequestFilter {

	private final ProblemWriter problems;

	ActuatorProblemFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		EmptyErrors answer = new EmptyErrors(response);
		chain.doFilter(new BlankAcceptAbsent(request), answer);
		answer.problemIfEmpty();
	}

	/**
	 * An {@code Accept} that is blank reads as none: Boot's Prometheus endpoint chose no
	 * format for it and failed with a NullPointerException, a 500 (found by the fuzz
	 * test).
	 */
	private static final class BlankAcceptAbsent extends HttpServletRequestWrapper {

		BlankAcceptAbsent(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getHeader(String name) {
			String value = super.getHeader(name);
			return (HttpHeaders.ACCEPT.equalsIgnoreCase(name) && value != null && value.isBlank()) ? null : value;
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			if (HttpHeaders.ACCEPT.equalsIgnoreCase(name)) {
				List<String> values = Collections.list(super.getHeaders(name));
				values.removeIf(String::isBlank);
				return Collections.enumeration(values);
			}
			return super.getHeaders(name);
		}

	}

	private final class EmptyErrors extends HttpServletResponseWrapper {

		private boolean written;

		EmptyErrors(HttpServletResponse response) {
			super(response);
		}

		void problemIfEmpty() throws IOException {
			if (!this.written && getStatus() >= 400 && !isCommitted()) {
				this.written = true;
				ActuatorProblemFilter.this.problems.write((HttpServletResponse) getResponse(),
						Problems.forStatus(getStatus(), "The actuator has no answer here: status " + getStatus()));
			}
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			this.written = true;
			return super.getOutputStream();
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			this.written = true;
			return super.getWriter();
		}

		@Override
		public void flushBuffer() throws IOException {
			problemIfEmpty();
			super.flushBuffer();
		}

		@Override
		public void setContentLength(int length) {
			if (length != 0 || getStatus() < 400) {
				super.setContentLength(length);
			}
		}

		@Override
		public void setContentLengthLong(long length) {
			if (length != 0 || getStatus() < 400) {
				super.setContentLengthLong(length);
			}
		}

		@Override
		public void setHeader(String name, String value) {
			if (!HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name) || getStatus() < 400) {
				super.setHeader(name, value);
			}
		}

	}

}
