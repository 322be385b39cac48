package gov.shaoxing.investment.inspection;

import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats accepted as photos, recognised by their first bytes (magic numbers).
 * The client's Content-Type and file name are not trusted: a text file named {@code .jpg}
 * is not a JPEG.
 */
enum PhotoType {

	JPEG("image/jpeg"), PNG("image/png"), WEBP("image/webp");

	/** How many leading bytes {@link #detect} needs. */
	static final int HEADER_LENGTH = 12;

	private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] RIFF = { 'R', 'I', 'F', 'F' };

	private static final byte[] WEBP_MAGIC = { 'W', 'E', 'B', 'P' };

	private final String contentType;

	PhotoType(String contentType) {
		this.contentType = contentType;
	}

	String contentType() {
		return this.contentType;
	}

	static Optional<PhotoType> detect(byte[] header) {
		if (startsWith(header, 0, JPEG_MAGIC)) {
			return Optional.of(JPEG);
		}
		if (startsWith(header, 0, PNG_MAGIC)) {
			return Optional.of(PNG);
		}
		if (startsWith(header, 0, RIFF) && startsWith(header, 8, WEBP_MAGIC)) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] data, int offset, byte[] magic) {
		return data.length >= offset + magic.length
				&& Arrays.equals(data, offset, offset + magic.length, magic, 0, magic.length);
	}

}
