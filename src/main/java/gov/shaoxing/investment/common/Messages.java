package gov.shaoxing.investment.common;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Puts error messages into words: the caller's language from {@code Accept-Language}
 * (Chinese or English; anything else, or nothing, gets
 * {@code investment.i18n.default-locale}, zh-CN), the words from
 * {@code messages*.properties}.
 */
@Component
public class Messages {

	/** The languages the bundles are written in. */
	public static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	private final MessageSource source;

	private final Locale defaultLocale;

	Messages(MessageSource source, @Value("${investment.i18n.default-locale:zh-CN}") String defaultLocale) {
		this.source = source;
		this.defaultLocale = supported(Locale.forLanguageTag(defaultLocale));
	}

	public String get(MessageSourceResolvable message, Locale locale) {
		return this.source.getMessage(message, (locale != null) ? supported(locale) : this.defaultLocale);
	}

	public String get(ErrorCode code, Locale locale, Object... args) {
		return get(ErrorMessage.of(code, args), locale);
	}

	/** The language to answer in, from an {@code Accept-Language} header (or null). */
	public Locale locale(String acceptLanguage) {
		if (!StringUtils.hasText(acceptLanguage)) {
			return this.defaultLocale;
		}
		List<Locale.LanguageRange> ranges;
		try {
			ranges = Locale.LanguageRange.parse(acceptLanguage);
		}
		catch (IllegalArgumentException ex) {
			return this.defaultLocale;
		}
		for (Locale.LanguageRange range : ranges) {
			if (range.getWeight() <= 0) {
				continue;
			}
			String language = range.getRange().split("-")[0];
			for (Locale supported : SUPPORTED) {
				if (supported.getLanguage().equals(language)) {
					return supported;
				}
			}
			if ("*".equals(language)) {
				return this.defaultLocale;
			}
		}
		return this.defaultLocale;
	}

	public Locale locale(HttpServletRequest request) {
		return locale(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
	}

	public Locale locale(HttpHeaders headers) {
		return locale(String.join(",", headers.getOrEmpty(HttpHeaders.ACCEPT_LANGUAGE)));
	}

	public Locale defaultLocale() {
		return this.defaultLocale;
	}

	/** Any Chinese is answered in simplified Chinese, any English in English. */
	private Locale supported(Locale locale) {
		for (Locale supported : SUPPORTED) {
			if (supported.getLanguage().equals(locale.getLanguage())) {
				return supported;
			}
		}
		return (this.defaultLocale != null) ? this.defaultLocale : Locale.SIMPLIFIED_CHINESE;
	}

}
