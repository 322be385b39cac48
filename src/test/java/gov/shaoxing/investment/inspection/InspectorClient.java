package gov.shaoxing.investment.inspection;

import java.util.Map;

import gov.shaoxing.investment.GraphQlTesters;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * What an inspector's phone does over HTTP: upload photos, record inspections, ask
 * GraphQL questions.
 */
final class InspectorClient {

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	final WebTestClient http;

	final HttpGraphQlTester graphQl;

	InspectorClient(int port, String token) {
		this.http = GraphQlTesters.client(port).defaultHeader("Authorization", "Bearer " + token).build();
		this.graphQl = HttpGraphQlTester
			.create(this.http.mutate().baseUrl("http://localhost:" + port + "/graphql").build());
	}

	/** Uploads a photo and returns the 201 body. */
	Map<String, Object> uploadPhoto(byte[] bytes, String filename, MediaType claimedType) {
		return this.http.post()
			.uri("/photos")
			.body(BodyInserters.fromMultipartData(InspectionFixtures.upload(bytes, filename, claimedType)))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(MAP)
			.returnResult()
			.getResponseBody();
	}

	WebTestClient.ResponseSpec postPhoto(byte[] bytes, String filename, MediaType claimedType) {
		return this.http.post()
			.uri("/photos")
			.body(BodyInserters.fromMultipartData(InspectionFixtures.upload(bytes, filename, claimedType)))
			.exchange();
	}

	/** The same, asking for messages in a language ({@code Accept-Language}). */
	WebTestClient.ResponseSpec postPhoto(byte[] bytes, String filename, MediaType claimedType, String language) {
		return this.http.post()
			.uri("/photos")
			.header("Accept-Language", language)
			.body(BodyInserters.fromMultipartData(InspectionFixtures.upload(bytes, filename, claimedType)))
			.exchange();
	}

	GraphQlTester.Response record(Map<String, Object> input) {
		return this.graphQl.documentName("recordInspection").variable("input", input).execute();
	}

	/** Records an inspection that must succeed and returns it. */
	Map<String, Object> recordOk(Map<String, Object> input) {
		return record(input).path("recordInspection.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("recordInspection.inspection")
			.entity(MAP)
			.get();
	}

	long count(String document, String path) {
		return this.graphQl.document(document).execute().path(path).entity(Long.class).get();
	}

}
