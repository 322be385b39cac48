package gov.shaoxing.investment.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.stereotype.Component;

/**
 * Turns {@code first}/{@code after} into a validated request and keyset positions into
 * opaque cursors, using the framework's {@link CursorStrategy} so every connection shares
 * one cursor format, signed ({@link CursorSigner}) so that an edited cursor is refused
 * with {@code INVALID_CURSOR}.
 */
@Component
public class Paging {

	private final CursorStrategy<ScrollPosition> cursors;

	private final PagingProperties properties;

	private final CursorSigner signer;

	@Autowired
	Paging(CursorStrategy<ScrollPosition> cursors, PagingProperties properties, MongoTemplate mongo) {
		this(cursors, properties, CursorSigner.configuredOrStored(properties.cursorKey(), mongo));
	}

	Paging(CursorStrategy<ScrollPosition> cursors, PagingProperties properties, CursorSigner signer) {
		this.cursors = cursors;
		this.properties = properties;
		this.signer = signer;
	}

	public PageRequest request(Integer first, String after) {
		int size = first == null ? this.properties.defaultSize() : first;
		if (size < 0 || size > this.properties.maxSize()) {
			throw new ApiException(ErrorCode.PAGE_SIZE_OUT_OF_RANGE, "first", this.properties.maxSize(), size);
		}
		Map<String, Object> keys = null;
		if (after != null) {
			String unsigned = this.signer.verify(after);
			if (unsigned == null) {
				throw invalidCursor();
			}
			ScrollPosition position;
			try {
				position = this.cursors.fromCursor(unsigned);
			}
			catch (RuntimeException ex) {
				throw invalidCursor();
			}
			if (!(position instanceof KeysetScrollPosition keyset) || keyset.getKeys().isEmpty()) {
				throw invalidCursor();
			}
			keys = keyset.getKeys();
		}
		return new PageRequest(size, keys);
	}

	/**
	 * Pages a list already sorted newest first by id, with the same cursors as
	 * {@link FeedPaging}; for children fetched in one batch for many parents.
	 */
	public <T> Connection<T> pageById(List<T> sortedDesc, Integer first, String after, Function<T, String> idOf) {
		PageRequest request = request(first, after);
		String afterId = request.afterString("id");
		List<Edge<T>> edges = new ArrayList<>();
		boolean hasNext = false;
		for (T item : sortedDesc) {
			if (afterId != null && idOf.apply(item).compareTo(afterId) >= 0) {
				continue;
			}
			if (edges.size() == request.size()) {
				hasNext = true;
				break;
			}
			edges.add(new Edge<>(cursor(Map.of("id", idOf.apply(item))), item));
		}
		return new Connection<>(edges,
				new PageInfo(hasNext, afterId != null, edges.isEmpty() ? null : edges.get(0).cursor(),
						edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()),
				sortedDesc.size());
	}

	public String cursor(Map<String, ?> keys) {
		return this.signer.sign(this.cursors.toCursor(ScrollPosition.forward(keys)));
	}

	private static ApiException invalidCursor() {
		return new ApiException(ErrorCode.INVALID_CURSOR, "after");
	}

	/**
	 * A validated page request: its size, and the keyset after which it starts (null for
	 * the first page).
	 */
	public record PageRequest(int size, Map<String, Object> after) {

		public String afterString(String key) {
			Object value = this.after == null ? null : this.after.get(key);
			if (value != null && !(value instanceof String)) {
				throw invalidCursor();
			}
			return (String) value;
		}

	}

}
