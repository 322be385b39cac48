package gov.shaoxing.investment.common;

import java.util.List;

/**
 * A page of a feed (reports, inspections, notices…): Relay edges, page info and the size
 * of the whole set.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

	public List<T> nodes() {
		return this.edges.stream().map(Edge::node).toList();
	}

}
