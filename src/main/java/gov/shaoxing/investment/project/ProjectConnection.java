package gov.shaoxing.investment.project;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import gov.shaoxing.investment.common.Edge;
import gov.shaoxing.investment.common.PageInfo;

/**
 * A page of projects, with the size and sums of the whole filtered set. Only the page is
 * found up front: cursors are encoded when {@code edges} or {@code pageInfo} asks for
 * them, and the count, the sums and whether a previous page exists when those are asked
 * for, each at most once. Public because supervision reads search results through it.
 */
public final class ProjectConnection {

	private final List<Project> nodes;

	private final boolean hasNextPage;

	private final BooleanSupplier hasPreviousPage;

	private final Function<Project, String> cursorOf;

	private final IntSupplier totalCount;

	private final ProjectAggregate aggregate;

	private volatile List<Edge<Project>> edges;

	private volatile Integer count;

	ProjectConnection(List<Project> nodes, boolean hasNextPage, BooleanSupplier hasPreviousPage,
			Function<Project, String> cursorOf, IntSupplier totalCount, Supplier<List<Project>> matches) {
		this.nodes = List.copyOf(nodes);
		this.hasNextPage = hasNextPage;
		this.hasPreviousPage = hasPreviousPage;
		this.cursorOf = cursorOf;
		this.totalCount = totalCount;
		this.aggregate = new ProjectAggregate(this::totalCount, matches);
	}

	public List<Project> nodes() {
		return this.nodes;
	}

	public List<Edge<Project>> edges() {
		List<Edge<Project>> current = this.edges;
		if (current == null) {
			List<Edge<Project>> list = new ArrayList<>(this.nodes.size());
			for (Project p : this.nodes) {
				list.add(new Edge<>(this.cursorOf.apply(p), p));
			}
			current = List.copyOf(list);
			this.edges = current;
		}
		return current;
	}

	public PageInfo pageInfo() {
		List<Edge<Project>> edges = (this.edges != null) ? this.edges : null;
		String start = null;
		String end = null;
		if (!this.nodes.isEmpty()) {
			start = (edges != null) ? edges.get(0).cursor() : this.cursorOf.apply(this.nodes.get(0));
			end = (edges != null) ? edges.get(edges.size() - 1).cursor()
					: this.cursorOf.apply(this.nodes.get(this.nodes.size() - 1));
		}
		return new PageInfo(this.hasNextPage, this.hasPreviousPage.getAsBoolean(), start, end);
	}

	public int totalCount() {
		Integer current = this.count;
		if (current == null) {
			current = this.totalCount.getAsInt();
			this.count = current;
		}
		return current;
	}

	public ProjectAggregate aggregate() {
		return this.aggregate;
	}

}
