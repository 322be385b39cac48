package gov.shaoxing.investment.inspection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on uploaded photos. {@code spring.servlet.multipart.max-file-size} must be at
 * least {@code maxSize} (the shipped configuration derives it from this), or the servlet
 * container refuses a photo this limit allows.
 */
@ConfigurationProperties("investment.photos")
record PhotoProperties(DataSize maxSize) {

	PhotoProperties {
		maxSize = maxSize == null ? DataSize.ofMegabytes(5) : maxSize;
	}

}
