package gov.shaoxing.investment.project;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** "Near me" says how far away each project is. */
@ServiceTest
class NearDistanceTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void everyProjectNearAPointGivesItsDistanceNearestFirst() throws Exception {
		JsonNode edges = post("{ projects(filter: { near: { latitude: 29.71, longitude: 120.24, radiusKm: 5 } }, "
				+ "orderBy: [{ field: DISTANCE }], first: 50) { edges { distanceKm node { code } } } }")
			.path("data")
			.path("projects")
			.path("edges");
		assertThat(edges).isNotEmpty();
		List<Double> distances = new ArrayList<>();
		edges.forEach((edge) -> distances.add(edge.path("distanceKm").asDouble()));
		assertThat(distances).isSorted().allSatisfy((km) -> assertThat(km).isBetween(0.0, 5.0));
	}

	@Test
	void withoutNearTheDistanceIsNull() throws Exception {
		JsonNode edge = post("{ projects(first: 1) { edges { distanceKm } } }").path("data")
			.path("projects")
			.path("edges")
			.path(0);
		assertThat(edge.has("distanceKm")).isTrue();
		assertThat(edge.path("distanceKm").isNull()).isTrue();
	}

	private JsonNode post(String query) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(Map.of("query", query))))
			.build();
		return this.json.readTree(this.http.send(request, HttpResponse.BodyHandlers.ofString()).body());
	}

}
