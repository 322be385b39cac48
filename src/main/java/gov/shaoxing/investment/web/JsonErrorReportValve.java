package gov.shaoxing.investment.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ErrorMessage;
import gov.shaoxing.investment.common.Messages;
import org.apache.catalina.Context;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report for responses that nothing else wrote a body for (a request line
 * it cannot parse, an oversized header), in the GraphQL error format rather than an HTML
 * page naming the server.
 */
final class JsonErrorReportValve extends ErrorReportValve {

	private final Messages messages;

	JsonErrorReportValve(Messages messages) {
		this.messages = messages;
	}

	/** Replaces the host's report valves with this one, before the host starts. */
	static void install(Context context, Messages messages) {
		if (!(context.getParent() instanceof StandardHost host)) {
			return;
		}
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve) {
				host.getPipeline().removeValve(valve);
			}
		}
		host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
		host.getPipeline().addValve(new JsonErrorReportValve(messages));
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		ErrorMessage error = (status < 500) ? ErrorCode.BAD_HTTP_REQUEST.message(status) : ErrorCode.INTERNAL.message();
		Locale locale;
		try {
			locale = this.messages.locale(request.getHeader("Accept-Language"));
		}
		catch (RuntimeException ex) {
			locale = this.messages.defaultLocale();
		}
		String code = error.code().name();
		String message = this.messages.get(error, locale).replace("\\", "\\\\").replace("\"", "\\\"");
		String classification = error.code().classification().toString();
		try {
			response.setContentType("application/json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"code\":\"" + code
						+ "\",\"classification\":\"" + classification + "\",\"status\":" + status + "}}]}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the connection is gone or the response already committed: nothing to report
		}
	}

}
