package gov.shaoxing.investment.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Pages a feed newest first by its time-ordered {@code _id}: keyset paging, so a page
 * costs the same however deep it is and new items never shift later pages.
 */
@Component
public class FeedPaging {

	private final MongoTemplate mongo;

	private final Paging paging;

	FeedPaging(MongoTemplate mongo, Paging paging) {
		this.mongo = mongo;
		this.paging = paging;
	}

	public <T> Connection<T> page(Criteria filter, Class<T> type, Integer first, String after,
			Function<T, String> idOf) {
		Paging.PageRequest request = this.paging.request(first, after);
		long total = this.mongo.count(Query.query(filter), type);
		String afterId = request.afterString("id");
		Criteria pageFilter = afterId == null ? filter
				: new Criteria().andOperator(filter, Criteria.where("_id").lt(afterId));
		List<T> found = request.size() == 0 ? List.of() : this.mongo
			.find(Query.query(pageFilter).with(Sort.by(Sort.Direction.DESC, "_id")).limit(request.size() + 1), type);
		boolean hasNext = found.size() > request.size();
		List<Edge<T>> edges = new ArrayList<>();
		for (T item : hasNext ? found.subList(0, request.size()) : found) {
			edges.add(new Edge<>(this.paging.cursor(Map.of("id", idOf.apply(item))), item));
		}
		return new Connection<>(edges,
				new PageInfo(hasNext, afterId != null, edges.isEmpty() ? null : edges.get(0).cursor(),
						edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()),
				total);
	}

}
