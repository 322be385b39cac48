package gov.shaoxing.investment.project;

import java.util.List;

import gov.shaoxing.investment.common.Edge;
import gov.shaoxing.investment.common.PageInfo;

/** A page of projects, with the size and sums of the whole filtered set. */
public record ProjectConnection(List<Edge<Project>> edges, PageInfo pageInfo, int totalCount,
		ProjectAggregate aggregate) {

	public List<Project> nodes() {
		return this.edges.stream().map(Edge::node).toList();
	}

}
