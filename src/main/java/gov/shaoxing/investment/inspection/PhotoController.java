package gov.shaoxing.investment.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /photos} (multipart, field {@code file}) stores a JPEG, PNG or WebP photo
 * and answers 201 with its id, to be passed in {@code recordInspection(input:
 * {photoIds})}; {@code GET /photos/{id}} serves it. Client mistakes get a status and a
 * JSON body {@code {code, message}}, never a stack trace.
 */
@RestController
class PhotoController {

	/**
	 * A photo never changes, but it is for signed-in staff only: the browser may keep it,
	 * shared caches (proxies, CDNs) may not.
	 */
	private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable();

	private final PhotoStore photos;

	private final PhotoProperties properties;

	private final PhotoErrors errors;

	PhotoController(PhotoStore photos, PhotoProperties properties, ObjectProvider<MultipartProperties> multipart,
			PhotoErrors errors) {
		this.photos = photos;
		this.properties = properties;
		this.errors = errors;
		multipart.ifAvailable((m) -> checkAligned(properties.maxSize(), m.getMaxFileSize(), m.getMaxRequestSize()));
	}

	/**
	 * Refuses to start when the servlet container's multipart limits would turn away a
	 * photo that {@code investment.photos.max-size} allows: the client would be told a
	 * limit that is not the real one.
	 */
	static void checkAligned(DataSize photoMax, DataSize fileMax, DataSize requestMax) {
		if (fileMax != null && fileMax.toBytes() >= 0 && fileMax.toBytes() < photoMax.toBytes()) {
			throw new IllegalStateException("spring.servlet.multipart.max-file-size (" + fileMax
					+ ") is below investment.photos.max-size (" + photoMax + "); raise it to at least that.");
		}
		if (requestMax != null && requestMax.toBytes() >= 0 && requestMax.toBytes() <= photoMax.toBytes()) {
			throw new IllegalStateException("spring.servlet.multipart.max-request-size (" + requestMax
					+ ") must exceed investment.photos.max-size (" + photoMax
					+ ") to leave room for the multipart framing; 1MB more is plenty.");
		}
	}

	@PostMapping("/photos")
	ResponseEntity<Object> upload(@RequestParam(name = "file", required = false) MultipartFile file, Locale locale)
			throws IOException {
		if (file == null || file.isEmpty()) {
			return this.errors.missing(locale);
		}
		if (file.getSize() > this.properties.maxSize().toBytes()) {
			return this.errors.tooLarge(locale);
		}
		byte[] header;
		try (InputStream in = file.getInputStream()) {
			header = in.readNBytes(PhotoType.HEADER_LENGTH);
		}
		PhotoType type = PhotoType.detect(header).orElse(null);
		if (type == null) {
			return this.errors.unsupportedType(locale);
		}
		byte[] bytes;
		try (InputStream in = file.getInputStream()) {
			// bounded: the size was checked above
			bytes = in.readAllBytes();
		}
		Photo photo = this.photos.store(bytes, filename(file), type);
		return ResponseEntity.created(URI.create(photo.url()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Uploaded(photo.id(), photo.contentType(), photo.size(), photo.url(), photo.sha256(),
					photo.takenAt(), photo.position(), photo.metadata()));
	}

	@GetMapping("/photos/{id}")
	ResponseEntity<Object> serve(@PathVariable String id, Locale locale) {
		return this.photos.open(id)
			.<ResponseEntity<Object>>map((content) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(content.photo().contentType()))
				.cacheControl(FOREVER)
				.eTag("\"" + content.photo().id() + "\"")
				.lastModified(content.uploadedAt())
				.header("X-Content-Type-Options", "nosniff")
				.body(content))
			.orElseGet(() -> this.errors.notFound(locale));
	}

	/**
	 * Keeps the client's file name for reference only, trimmed; it plays no part in
	 * detecting the type.
	 */
	private static String filename(MultipartFile file) {
		String name = file.getOriginalFilename();
		if (name == null || name.isBlank()) {
			return "photo";
		}
		name = name.replaceAll("[\\p{Cntrl}/\\\\]", "_");
		return name.length() > 200 ? name.substring(0, 200) : name;
	}

	/** The 201 body of an upload. */
	record Uploaded(String id, String contentType, long size, String url, String sha256, Instant takenAt,
			Photo.PhotoPosition position, PhotoMetadata.Status metadata) {
	}

}
