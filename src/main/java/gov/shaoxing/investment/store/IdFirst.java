package gov.shaoxing.investment.store;

import java.util.List;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.InMemoryCursor;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;

/**
 * Query planning the embedded store lacks: mongo-java-server uses an index only when its
 * keys are exactly the query's, so {@code {_id, version}} (every versioned save) scanned
 * the whole collection. A query that pins {@code _id} to one value now reads that
 * document through the {@code _id} index and matches the rest of the filter on it alone,
 * which is what MongoDB does. Full scans are counted, so tests can tell. And a client's
 * find or getMore with no batch size gets one ({@link #BATCH}), as MongoDB's batches are
 * bounded: the store would otherwise answer with every match in one reply, and past 48 MB
 * (100,000 projects) the driver refuses it.
 */
final class IdFirst {

	/** Documents per reply when the query sets no smaller limit or batch size. */
	static final int BATCH = 1000;

	private IdFirst() {
	}

	/**
	 * A getMore without a batch size (the driver sends none unless asked) takes
	 * {@link #BATCH} documents from a query's cursor, which refuses zero. A change
	 * stream's cursor is left as it is: it reads the oplog, where zero means "all new".
	 */
	static Document withBatchSize(Document getMore, CursorRegistry cursors) {
		if (hasBatchSize(getMore)) {
			return getMore;
		}
		try {
			if (!(getMore.get("getMore") instanceof Number id
					&& cursors.getCursor(id.longValue()) instanceof InMemoryCursor)) {
				return getMore;
			}
		}
		catch (RuntimeException ex) {
			// an unknown cursor: the store answers that itself
			return getMore;
		}
		return batched(getMore);
	}

	/**
	 * A client's {@code find} without a batch size, and without a limit of at most
	 * {@link #BATCH}, gets that batch size. Only the wire command: the store's own
	 * updates, counts and oplog reads query its collections directly and need every
	 * match.
	 */
	static Document withFindBatch(String command, Document find) {
		if (!"find".equalsIgnoreCase(command) || hasBatchSize(find)) {
			return find;
		}
		int limit = find.get("limit") instanceof Number l ? l.intValue() : 0;
		if (limit != 0 && Math.abs(limit) <= BATCH) {
			return find;
		}
		return batched(find);
	}

	private static boolean hasBatchSize(Document command) {
		return command.get("batchSize") instanceof Number n && n.intValue() > 0;
	}

	private static Document batched(Document command) {
		Document copy = command.clone();
		copy.put("batchSize", BATCH);
		return copy;
	}

	/**
	 * The single {@code _id} value a query with further conditions pins, at its top level
	 * or in a top-level {@code $and}; else null (also for {@code {_id: x}} alone, which
	 * the store's own planning answers by index).
	 */
	static Object pinnedId(Document query, String idField) {
		if (idField == null || query == null || query.isEmpty()) {
			return null;
		}
		Object id = plain(query.get(idField));
		if (id != null) {
			return query.size() > 1 ? id : null;
		}
		if (query.get("$and") instanceof List<?> all) {
			for (Object part : all) {
				if (part instanceof Document condition && (id = plain(condition.get(idField))) != null) {
					return id;
				}
			}
		}
		return null;
	}

	/**
	 * Plain equality only: operators, regular expressions, arrays and sub-documents keep
	 * the store's own planning.
	 */
	private static Object plain(Object value) {
		return (value instanceof String || value instanceof ObjectId) ? value : null;
	}

	/** The H2 backend's collection with the {@code _id} lookup. */
	static final class H2 extends H2Collection {

		private final Runnable onScan;

		H2(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
				MVMap<String, Object> meta, CursorRegistry cursors, Runnable onScan) {
			super(database, name, options, data, meta, cursors);
			this.onScan = onScan;
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
				Document fields) {
			Object id = pinnedId(query, getIdField());
			if (id == null) {
				return super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
			}
			QueryResult candidates = super.queryDocuments(new Document(getIdField(), id), null, 0, 0, 0, null);
			return matchDocumentsFromStream(StreamSupport.stream(candidates.spliterator(), false), query, orderBy, skip,
					limit, batchSize, fields);
		}

		@Override
		protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
				Document fields) {
			this.onScan.run();
			return super.matchDocuments(query, orderBy, skip, limit, batchSize, fields);
		}

	}

	/** The memory backend's collection with the {@code _id} lookup. */
	static final class Memory extends MemoryCollection {

		private final Runnable onScan;

		Memory(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors,
				Runnable onScan) {
			super(database, name, options, cursors);
			this.onScan = onScan;
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
				Document fields) {
			Object id = pinnedId(query, getIdField());
			if (id == null) {
				return super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
			}
			QueryResult candidates = super.queryDocuments(new Document(getIdField(), id), null, 0, 0, 0, null);
			return matchDocumentsFromStream(StreamSupport.stream(candidates.spliterator(), false), query, orderBy, skip,
					limit, batchSize, fields);
		}

		@Override
		protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
				Document fields) {
			this.onScan.run();
			return super.matchDocuments(query, orderBy, skip, limit, batchSize, fields);
		}

	}

}
