package gov.shaoxing.investment.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.GraphQlTesters;
import org.apache.poi.ss.usermodel.Workbook;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Uploads files to the import endpoints over HTTP and waits for their jobs through
 * {@code importJob}, as a client would.
 */
public final class ImportClient {

	private final WebTestClient http;

	private final String token;

	private final String base;

	public ImportClient(int port, String token) {
		this.base = "http://localhost:" + port;
		this.http = GraphQlTesters.client(port)
			.responseTimeout(Duration.ofMinutes(2))
			.codecs((c) -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
			.build();
		this.token = token;
	}

	public static byte[] bytes(Workbook workbook) {
		try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** POSTs a file; the status and the JSON body. */
	public EntityExchangeResult<Map<String, Object>> upload(String path, byte[] content, String filename,
			boolean dryRun) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return filename;
			}
		}).contentType(MediaType.APPLICATION_OCTET_STREAM);
		WebTestClient.RequestBodySpec request = this.http.post().uri(path + "?dryRun=" + dryRun);
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		return request.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult();
	}

	/** Uploads a file that must be accepted and returns its finished job. */
	public Map<String, Object> run(String path, byte[] content, String filename, boolean dryRun) {
		EntityExchangeResult<Map<String, Object>> accepted = upload(path, content, filename, dryRun);
		if (accepted.getStatus().value() != 202) {
			throw new AssertionError("not accepted: " + accepted.getStatus() + " " + accepted.getResponseBody());
		}
		return await((String) accepted.getResponseBody().get("id"));
	}

	@SuppressWarnings("unchecked")
	public Map<String, Object> await(String id) {
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (true) {
			Map<String, Object> job = (Map<String, Object>) graphQl("query($id: ID!) { importJob(id: $id) { id status "
					+ "dryRun totalRows processedRows created updated unchanged failed errorsTruncated "
					+ "errors { row column code message } } }", Map.of("id", id))
				.get("importJob");
			String status = (String) job.get("status");
			if ("SUCCEEDED".equals(status) || "FAILED".equals(status)) {
				return job;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("job did not finish: " + job);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	public Map<String, Object> graphQl(String query, Map<String, Object> variables) {
		return graphQl(query, variables, null);
	}

	/** A GraphQL request in a language ({@code Accept-Language}, or none). */
	@SuppressWarnings("unchecked")
	public Map<String, Object> graphQl(String query, Map<String, Object> variables, String language) {
		WebTestClient.RequestBodySpec request = this.http.post().uri("/graphql");
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		if (language != null) {
			request.header("Accept-Language", language);
		}
		Map<String, Object> response = request.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query, "variables", variables))
			.exchange()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		if (response.get("errors") != null) {
			throw new AssertionError("GraphQL errors: " + response.get("errors"));
		}
		return (Map<String, Object>) response.get("data");
	}

	/** GETs a download (the path already encoded): status, headers and bytes. */
	public EntityExchangeResult<byte[]> download(String path) {
		WebTestClient.RequestHeadersSpec<?> request = this.http.get().uri(URI.create(this.base + path));
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		return request.exchange().expectBody(byte[].class).returnResult();
	}

	@SuppressWarnings("unchecked")
	public static List<Map<String, Object>> errors(Map<String, Object> job) {
		return (List<Map<String, Object>>) job.get("errors");
	}

}
