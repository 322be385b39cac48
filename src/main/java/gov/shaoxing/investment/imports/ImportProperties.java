package gov.shaoxing.investment.imports;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Import limits: the largest file taken ({@code maxSize}; the servlet's multipart limits
 * must allow it), how many row errors a job keeps ({@code maxErrors}), and where uploaded
 * files wait for their job ({@code workDir}, default the system temp directory).
 */
@ConfigurationProperties("investment.imports")
record ImportProperties(DataSize maxSize, Integer maxErrors, Path workDir) {

	ImportProperties {
		maxSize = maxSize == null ? DataSize.ofMegabytes(20) : maxSize;
		maxErrors = maxErrors == null ? 1000 : maxErrors;
		workDir = workDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "investment-imports") : workDir;
	}

}
