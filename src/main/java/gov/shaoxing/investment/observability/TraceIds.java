package gov.shaoxing.investment.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The current trace id, for error responses that a caller may quote to support. */
@Component
class TraceIds {

	private final ObjectProvider<Tracer> tracer;

	/**
	 * Looked up once: every GraphQL request asks, and a lookup in the bean factory showed
	 * in the project card's profile.
	 */
	private volatile Tracer resolved;

	TraceIds(ObjectProvider<Tracer> tracer) {
		this.tracer = tracer;
	}

	/** The trace id of the span in scope on this thread, or {@code null}. */
	public String current() {
		Tracer current = this.resolved;
		if (current == null) {
			current = this.tracer.getIfAvailable();
			this.resolved = current;
		}
		Span span = (current != null) ? current.currentSpan() : null;
		return (span != null) ? span.context().traceId() : null;
	}

}
