package gov.shaoxing.investment.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.springframework.stereotype.Component;

/**
 * English labels of the plan's indicators, units and measures, shown next to the Chinese
 * ones; from {@code labels_en.properties} ({@code indicator.<NAME>}, {@code unit.<NAME>},
 * {@code measure.<code>}).
 */
@Component
public class EnglishLabels {

	private final Properties labels = new Properties();

	public EnglishLabels() {
		try (InputStream in = EnglishLabels.class.getResourceAsStream("/labels_en.properties")) {
			this.labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The label, or {@code null} where none is written. */
	public String of(String kind, String name) {
		return this.labels.getProperty(kind + "." + name);
	}

}
