package gov.shaoxing.investment.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.core.io.AbstractResource;
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

	PhotoStore(GridFsOperations gridFs) {
		this.gridFs = gridFs;
	}

	Photo store(InputStream content, String filename, PhotoType type) {
		Document metadata = new Document("kind", "photo");
		ObjectId id = this.gridFs.store(content, filename, type.contentType(), metadata);
		GridFSFile file = this.gridFs.findOne(Query.query(Criteria.where("_id").is(id)));
		return toPhoto(file);
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
		return new Photo(file.getObjectId().toHexString(),
				contentType == null ? "application/octet-stream" : contentType, file.getLength());
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
