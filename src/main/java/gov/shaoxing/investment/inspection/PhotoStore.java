package gov.shaoxing.investment.inspection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.gridfs.model.GridFSFile;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.AbstractResource;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsOperations;
import org.springframework.stereotype.Component;

/**
 * Photos in GridFS (bucket {@code spring.data.mongodb.gridfs.bucket}, in the service's
 * database). A photo's id is its GridFS ObjectId in hex; anything else names no photo.
 */
@Component
class PhotoStore {

	private static final String CONTENT_TYPE = "_contentType";

	private final GridFsOperations gridFs;

	private final ZoneId zone;

	private final MongoTemplate mongo;

	private final String bucket;

	PhotoStore(GridFsOperations gridFs, Clock clock, MongoTemplate mongo,
			@Value("${spring.data.mongodb.gridfs.bucket:fs}") String bucket) {
		this.gridFs = gridFs;
		this.zone = clock.getZone();
		this.mongo = mongo;
		this.bucket = bucket;
	}

	/**
	 * The duplicate lookup by hash needs an index on real MongoDB; GridFS files are no
	 * mapped document, so the index initializer does not see them. A store that is down
	 * now gets it at the next start.
	 */
	@PostConstruct
	void ensureHashIndex() {
		try {
			this.mongo.indexOps(this.bucket + ".files").createIndex(new Index("metadata.sha256", Sort.Direction.ASC));
		}
		catch (RuntimeException ex) {
			LoggerFactory.getLogger(PhotoStore.class).warn("Photo hash index not ensured: {}", ex.toString());
		}
	}

	/**
	 * Stores the bytes with their SHA-256 and what their EXIF says (read before storing,
	 * so the stored metadata never changes).
	 */
	Photo store(byte[] content, String filename, PhotoType type) {
		PhotoMetadata exif = PhotoMetadata.read(content, this.zone);
		Document metadata = new Document("kind", "photo").append("sha256", sha256(content))
			.append("exif", exif.status().name());
		if (exif.takenAt() != null) {
			metadata.append("takenAt", Date.from(exif.takenAt()));
		}
		if (exif.position() != null) {
			metadata.append("latitude", exif.position().latitude()).append("longitude", exif.position().longitude());
		}
		ObjectId id = this.gridFs.store(new ByteArrayInputStream(content), filename, type.contentType(), metadata);
		GridFSFile file = this.gridFs.findOne(Query.query(Criteria.where("_id").is(id)));
		return toPhoto(file);
	}

	/**
	 * For each hash, the id of the first photo uploaded with those bytes (ObjectIds order
	 * by time), in one query.
	 */
	Map<String, String> firstWithHashes(Collection<String> hashes) {
		Map<String, String> first = new HashMap<>();
		if (hashes.isEmpty()) {
			return first;
		}
		for (GridFSFile file : this.gridFs.find(Query.query(Criteria.where("metadata.sha256").in(hashes)))) {
			String hash = file.getMetadata().getString("sha256");
			ObjectId id = file.getObjectId();
			first.merge(hash, id.toHexString(), (a, b) -> new ObjectId(a).compareTo(new ObjectId(b)) <= 0 ? a : b);
		}
		return first;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The photos with the given ids, in one query; unknown and malformed ids are absent.
	 */
	Map<String, Photo> byIds(Collection<String> ids) {
		Map<String, Photo> found = new LinkedHashMap<>();
		var objectIds = ids.stream().filter(ObjectId::isValid).map(ObjectId::new).distinct().toList();
		if (objectIds.isEmpty()) {
			return found;
		}
		for (GridFSFile file : this.gridFs.find(Query.query(Criteria.where("_id").in(objectIds)))) {
			Photo photo = toPhoto(file);
			found.put(photo.id(), photo);
		}
		return found;
	}

	Optional<Content> open(String id) {
		if (id == null || !ObjectId.isValid(id)) {
			return Optional.empty();
		}
		GridFSFile file = this.gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(id))));
		return file == null ? Optional.empty()
				: Optional.of(new Content(toPhoto(file), file.getUploadDate().toInstant(), file, this.gridFs));
	}

	private static Photo toPhoto(GridFSFile file) {
		Document metadata = file.getMetadata();
		String contentType = metadata == null ? null : metadata.getString(CONTENT_TYPE);
		String exif = metadata == null ? null : metadata.getString("exif");
		Date takenAt = metadata == null ? null : metadata.getDate("takenAt");
		Double latitude = metadata == null ? null : metadata.getDouble("latitude");
		Double longitude = metadata == null ? null : metadata.getDouble("longitude");
		return new Photo(file.getObjectId().toHexString(),
				contentType == null ? "application/octet-stream" : contentType, file.getLength(),
				metadata == null ? null : metadata.getString("sha256"), takenAt == null ? null : takenAt.toInstant(),
				latitude == null || longitude == null ? null : new Photo.PhotoPosition(latitude, longitude),
				exif == null ? null : PhotoMetadata.Status.valueOf(exif), null);
	}

	/**
	 * A stored photo's bytes as a resource that opens a fresh GridFS stream on every
	 * read, so range requests, which read more than once, work.
	 */
	static final class Content extends AbstractResource {

		private final Photo photo;

		private final Instant uploadedAt;

		private final GridFSFile file;

		private final GridFsOperations gridFs;

		Content(Photo photo, Instant uploadedAt, GridFSFile file, GridFsOperations gridFs) {
			this.photo = photo;
			this.uploadedAt = uploadedAt;
			this.file = file;
			this.gridFs = gridFs;
		}

		Photo photo() {
			return this.photo;
		}

		Instant uploadedAt() {
			return this.uploadedAt;
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return this.gridFs.getResource(this.file).getInputStream();
		}

		@Override
		public long contentLength() {
			return this.photo.size();
		}

		@Override
		public String getDescription() {
			return "photo " + this.photo.id();
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Content c && c.photo.equals(this.photo);
		}

		@Override
		public int hashCode() {
			return this.photo.hashCode();
		}

	}

}
