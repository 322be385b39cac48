package gov.shaoxing.investment.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code the service can answer with has a message in both languages, and the code
 * base shows messages only through the bundles.
 */
class MessagesTests {

	private static final Path SOURCES = Path.of("src/main/java");

	/**
	 * {@code detailed(…, ErrorCode.X, "detail"} and the two helpers that pass a detail
	 * on.
	 */
	private static final Pattern DETAIL = Pattern.compile(
			"(?:detailed\\((?:[^;]*?,\\s*)?ErrorCode\\.([A-Z_]+),\\s*\"([A-Za-z]+)\")|(?:forbidden\\(actor,\\s*\"([A-Za-z]+)\")|(?:invalid\\(n,\\s*\"([A-Za-z]+)\")");

	private final Properties english = load("messages.properties");

	private final Properties chinese = load("messages_zh_CN.properties");

	@Test
	void everyCodeHasAMessageInChineseAndEnglish() {
		for (ErrorCode code : ErrorCode.values()) {
			String key = ErrorMessage.KEY_PREFIX + code.name();
			assertThat(this.english.getProperty(key)).as("en " + key).isNotBlank();
			assertThat(this.chinese.getProperty(key)).as("zh-CN " + key).isNotBlank();
		}
	}

	@Test
	void bothLanguagesHaveTheSameMessagesWithTheSameArguments() {
		assertThat(this.chinese.stringPropertyNames()).isEqualTo(this.english.stringPropertyNames());
		for (String key : this.english.stringPropertyNames()) {
			assertThat(arguments(this.chinese.getProperty(key))).as(key)
				.isEqualTo(arguments(this.english.getProperty(key)));
			assertThat(key).startsWith(ErrorMessage.KEY_PREFIX);
			String code = key.substring(ErrorMessage.KEY_PREFIX.length()).split("\\.")[0];
			assertThat(ErrorCode.valueOf(code)).as(key).isNotNull();
		}
	}

	@Test
	void everyDetailUsedInTheSourcesHasItsOwnMessage() throws IOException {
		Set<String> used = new TreeSet<>();
		for (String source : sources()) {
			Matcher matcher = DETAIL.matcher(source);
			while (matcher.find()) {
				if (matcher.group(1) != null) {
					used.add("error." + matcher.group(1) + "." + matcher.group(2));
				}
				else if (matcher.group(3) != null) {
					used.add("error.FORBIDDEN." + matcher.group(3));
				}
				else {
					used.add("error.INVALID_TRANSITION." + matcher.group(4));
				}
			}
		}
		assertThat(used).hasSizeGreaterThan(40);
		assertThat(this.english.stringPropertyNames()).containsAll(used);
		assertThat(this.chinese.stringPropertyNames()).containsAll(used);
	}

	@Test
	void noCodeOrMessageIsWrittenOutInTheSources() throws IOException {
		Pattern literalCode = Pattern.compile("(?:put|of)\\(\"code\",\\s*\"");
		Pattern sentence = Pattern.compile(
				"(?:new ApiException|new PayloadError|new ExpectedFailure|detailed)\\([^;]*\"[^\"\\n;]*[a-z] [a-z][^\"\\n;]*\"");
		for (String source : sources()) {
			assertThat(literalCode.matcher(source).find()).as("a literal extensions.code").isFalse();
			Matcher matcher = sentence.matcher(source);
			assertThat(matcher.find()).as(() -> "a sentence outside the bundles: " + matcher.group()).isFalse();
		}
	}

	@Test
	void messagesAreResolvedInTheCallersLanguageWithPlainArguments() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setAlwaysUseMessageFormat(true);
		Messages messages = new Messages(source, "zh-CN");
		ErrorMessage message = ErrorCode.PAGE_SIZE_OUT_OF_RANGE.message(100, 1000);
		assertThat(messages.get(message, messages.locale("en-GB,en;q=0.9")))
			.isEqualTo("first must be between 0 and 100; it was 1000.");
		assertThat(messages.get(message, messages.locale((String) null))).isEqualTo("first 应在 0 到 100 之间，实际为 1000。");
		assertThat(messages.get(message, messages.locale("zh-TW"))).contains("实际为 1000");
		assertThat(messages.get(message, messages.locale("fr-FR, de;q=0.5"))).contains("实际为 1000");
		assertThat(messages.get(message, messages.locale("fr, en;q=0.1"))).startsWith("first must be");
		assertThat(messages.get(ErrorMessage.detailed(ErrorCode.REQUIRED, "noSuchDetail"), Locale.ENGLISH))
			.isEqualTo("Give a value.");
		assertThat(messages.get(ErrorCode.PHOTO_MISSING.message(), Locale.ENGLISH)).contains("'file'");
	}

	/** How many arguments a message takes; also fails on a malformed message. */
	private static int arguments(String message) {
		return new MessageFormat(message, Locale.ROOT).getFormatsByArgumentIndex().length;
	}

	private static Iterable<String> sources() throws IOException {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			return files.filter((f) -> f.toString().endsWith(".java")).map((f) -> {
				try {
					return Files.readString(f);
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).toList();
		}
	}

	private static Properties load(String name) {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return properties;
	}

}
