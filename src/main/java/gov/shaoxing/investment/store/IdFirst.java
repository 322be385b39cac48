package gov.shaoxing.investment.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
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
 * (100,000 projects) the driver refuses it. On the file store, a range of string
 * {@code _id}s (the change feed's poll of {@code events}) is read as a walk of the sorted
 * {@code _id} map from its lower bound, not a scan.
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
	 * The tightest string bounds a query's conditions on {@code _id} set ({@code $gt} or
	 * {@code $gte}, and {@code $lt} or {@code $lte}), at its top level or in a top-level
	 * {@code $and} (as the Java driver writes {@code Filters.and}); null without a lower
	 * bound. Each bound holds for every match, so the range holds them all; the whole
	 * filter is still matched on what it yields.
	 */
	static IdRange idRange(Document query, String idField) {
		if (idField == null || query == null) {
			return null;
		}
		List<Object> conditions = new ArrayList<>();
		conditions.add(query.get(idField));
		if (query.get("$and") instanceof List<?> all) {
			for (Object part : all) {
				if (part instanceof Document condition) {
					conditions.add(condition.get(idField));
				}
			}
		}
		IdRange range = new IdRange(null, false, null, false);
		for (Object condition : conditions) {
			if (condition instanceof Document bounds) {
				range = range.tighter(bounds);
			}
		}
		return (range.from() != null) ? range : null;
	}

	/**
	 * True for no order or {@code _id} ascending: the order a walk of the id map yields.
	 */
	static boolean idOrder(Document orderBy, String idField) {
		return orderBy == null || orderBy.isEmpty()
				|| (orderBy.size() == 1 && orderBy.get(idField) instanceof Number n && n.intValue() == 1);
	}

	/**
	 * String bounds on {@code _id}. Both stores order strings by
	 * {@link String#compareTo}, and strings form one run among the keys, so the walk ends
	 * at the first key past the upper bound or of another type.
	 */
	record IdRange(String from, boolean fromInclusive, String to, boolean toInclusive) {

		/** This range narrowed by a condition's string bounds. */
		IdRange tighter(Document bounds) {
			IdRange range = this;
			if (bounds.get("$gte") instanceof String gte) {
				range = range.lower(gte, true);
			}
			if (bounds.get("$gt") instanceof String gt) {
				range = range.lower(gt, false);
			}
			if (bounds.get("$lte") instanceof String lte) {
				range = range.upper(lte, true);
			}
			if (bounds.get("$lt") instanceof String lt) {
				range = range.upper(lt, false);
			}
			return range;
		}

		private IdRange lower(String bound, boolean inclusive) {
			int c = (this.from == null) ? 1 : bound.compareTo(this.from);
			return (c > 0 || (c == 0 && !inclusive)) ? new IdRange(bound, inclusive, this.to, this.toInclusive) : this;
		}

		private IdRange upper(String bound, boolean inclusive) {
			int c = (this.to == null) ? -1 : bound.compareTo(this.to);
			return (c < 0 || (c == 0 && !inclusive)) ? new IdRange(this.from, this.fromInclusive, bound, inclusive)
					: this;
		}

		/** The walk starts at the first key at or above the lower bound. */
		boolean excluded(Object key) {
			return !this.fromInclusive && this.from.equals(key);
		}

		boolean within(Object key) {
			if (!(key instanceof String id)) {
				return false;
			}
			if (this.to == null) {
				return true;
			}
			int c = id.compareTo(this.to);
			return this.toInclusive ? c <= 0 : c < 0;
		}

		/** The documents whose keys the range holds, in key order, read lazily. */
		Stream<Document> walk(MVMap<Object, Document> data) {
			Iterator<Object> keys = data.keyIterator(this.from);
			return StreamSupport.stream(Spliterators.spliteratorUnknownSize(keys, Spliterator.ORDERED), false)
				.dropWhile(this::excluded)
				.takeWhile(this::within)
				.map(data::get);
		}

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

		private final MVMap<Object, Document> data;

		H2(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
				MVMap<String, Object> meta, CursorRegistry cursors, Runnable onScan) {
			super(database, name, options, data, meta, cursors);
			this.onScan = onScan;
			this.data = data;
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
				Document fields) {
			Object id = pinnedId(query, getIdField());
			IdRange range = (id == null) ? idRange(query, getIdField()) : null;
			if (range != null && (orderBy == null || !orderBy.containsKey("$natural"))) {
				// in id order already: with no sort left, the limit stops the walk
				return matchDocumentsFromStream(query, range.walk(this.data).filter(d -> d != null), skip, limit,
						batchSize, idOrder(orderBy, getIdField()) ? null : deriveComparator(orderBy), fields);
			}
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
