package gov.shaoxing.investment.common;

import java.util.Locale;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code UserError.message}: a payload error's message in the caller's language, worded
 * only now that the payload is rendered.
 */
@Controller
class UserErrorController {

	private final Messages messages;

	UserErrorController(Messages messages) {
		this.messages = messages;
	}

	@SchemaMapping(typeName = "UserError", field = "message")
	String message(PayloadError error, Locale locale) {
		return this.messages.get(error.message(), locale);
	}

}
