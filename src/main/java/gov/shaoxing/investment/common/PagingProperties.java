package gov.shaoxing.investment.common;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Page-size rules for every connection: {@code first} defaults to {@code defaultSize} and
 * may not exceed {@code maxSize}. {@code cursorKey} signs cursors (see README); unset, a
 * key kept in the store is used.
 */
@ConfigurationProperties("investment.paging")
public record PagingProperties(Integer defaultSize, Integer maxSize, String cursorKey) {

	public PagingProperties {
		defaultSize = defaultSize == null ? 20 : defaultSize;
		maxSize = maxSize == null ? 100 : maxSize;
	}

}
