package org.fleettelemetry.web;

import jakarta.servlet.Filter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.OrderUtils;

/**
 * Registers the fast-path filters with the servlet container, or leaves them out when
 * {@code fleet.web.fast-path} is {@code false}; each keeps the order its class declares.
 */
@Configuration(proxyBeanMethods = false)
class FastPathRegistrations {

	@Bean
	FilterRegistrationBean<PublicReadFilter> publicReadFilterRegistration(PublicReadFilter filter,
			WebSettings settings) {
		return registration(filter, settings);
	}

	@Bean
	FilterRegistrationBean<FastPathFilter> fastPathFilterRegistration(FastPathFilter filter, WebSettings settings) {
		return registration(filter, settings);
	}

	private static <F extends Filter> FilterRegistrationBean<F> registration(F filter, WebSettings settings) {
		FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(settings.fastPath());
		registration.setOrder(OrderUtils.getOrder(filter.getClass(), Ordered.LOWEST_PRECEDENCE));
		return registration;
	}

}
