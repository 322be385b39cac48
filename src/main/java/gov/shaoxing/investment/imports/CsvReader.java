package gov.shaoxing.investment.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file as a stream with Commons CSV. UTF-8 (with or without a byte-order
 * mark) is assumed unless the file is not valid UTF-8, when it is read as GB18030, the
 * encoding Excel on a Chinese Windows saves CSV in.
 */
final class CsvReader {

	private static final Charset GB18030 = Charset.forName("GB18030");

	private CsvReader() {
	}

	static void read(Path file, SheetRows rows) throws IOException {
		Charset charset = charset(file);
		int count = 0;
		try (Reader reader = Files.newBufferedReader(file, charset); CSVParser parser = parse(reader)) {
			for (CSVRecord ignored : parser) {
				count++;
			}
		}
		rows.sheet("csv", count);
		try (Reader reader = Files.newBufferedReader(file, charset); CSVParser parser = parse(reader)) {
			boolean first = true;
			for (CSVRecord record : parser) {
				List<String> cells = new ArrayList<>(record.size());
				for (String value : record) {
					if (first && value.startsWith("\ufeff")) {
						value = value.substring(1);
					}
					first = false;
					cells.add(value);
				}
				if (cells.stream().anyMatch((v) -> v != null && !v.isBlank())
						&& !rows.row((int) record.getRecordNumber(), cells)) {
					return;
				}
			}
		}
	}

	private static CSVParser parse(Reader reader) throws IOException {
		return CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(reader);
	}

	/** UTF-8 if the first 64 KB decode as UTF-8 (a cut character at the end allowed). */
	private static Charset charset(Path file) throws IOException {
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(65536);
		}
		int end = head.length;
		if (end == 65536) {
			// do not fail on a multi-byte character cut at the end of the sample
			while (end > 0 && (head[end - 1] & 0xC0) == 0x80) {
				end--;
			}
			if (end > 0 && (head[end - 1] & 0x80) != 0) {
				end--;
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(head, 0, end));
			return StandardCharsets.UTF_8;
		}
		catch (CharacterCodingException ex) {
			return GB18030;
		}
	}

}
