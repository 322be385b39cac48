package gov.shaoxing.investment.security;

import java.util.function.Predicate;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The characters {@link StrictHttpFirewall} allows in header names and values and in
 * parameters, tested without its regular expressions. The firewall tests a header each
 * time it is read; a bearer token is read several times per request, and the regular
 * expression over its 800 characters was about a tenth of a signed-in read's CPU.
 */
final class HeaderCharacters {

	/** Every code point assigned and not a control character. */
	static final Predicate<String> NAME = (s) -> allowed(s, false);

	/** As {@link #NAME}, but a tab is allowed. */
	static final Predicate<String> VALUE = (s) -> allowed(s, true);

	private HeaderCharacters() {
	}

	/**
	 * The firewall's defaults, with each regular expression replaced by {@link #NAME} or
	 * {@link #VALUE} (parameter values stay unchecked, as by default).
	 */
	static StrictHttpFirewall firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(NAME);
		firewall.setAllowedHeaderValues(VALUE);
		firewall.setAllowedParameterNames(NAME);
		return firewall;
	}

	private static boolean allowed(String s, boolean tab) {
		for (int i = 0; i < s.length();) {
			int c = s.codePointAt(i);
			if (c < 0x20 || c >= 0x7f) {
				int type = Character.getType(c);
				if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && c == '\t'))) {
					return false;
				}
			}
			i += Character.charCount(c);
		}
		return true;
	}

}
