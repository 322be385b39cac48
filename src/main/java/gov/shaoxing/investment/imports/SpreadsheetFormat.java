package gov.shaoxing.investment.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an uploaded file is, from its first bytes (its name and declared type are not
 * trusted): an .xlsx workbook (a ZIP package), a CSV text, or neither.
 */
enum SpreadsheetFormat {

	XLSX, CSV;

	/** The format, or null for a file that is not a spreadsheet this service reads. */
	static SpreadsheetFormat sniff(Path file) throws IOException {
		byte[] head = new byte[8192];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, head.length);
		}
		if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
			return XLSX;
		}
		if (n == 0) {
			return null;
		}
		for (int i = 0; i < n; i++) {
			// NUL bytes and most control characters never appear in a CSV text
			int b = head[i] & 0xff;
			if (b == 0 || (b < 0x09) || (b > 0x0d && b < 0x20 && b != 0x1b)) {
				return null;
			}
		}
		return CSV;
	}

}
