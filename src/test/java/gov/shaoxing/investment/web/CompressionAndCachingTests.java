package gov.shaoxing.investment.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

import gov.shaoxing.investment.ServiceTest;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.security.TokenIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Large answers travel gzipped, and a GET query answered before is answered with 304 when
 * the client still holds it; anonymous answers may be kept by shared caches, signed-in
 * ones only by the caller.
 */
@ServiceTest
class CompressionAndCachingTests {

	/** About 60 KB of JSON uncompressed: every target of the plan with its labels. */
	static final String BIG = "{ targets(year: 2012) { id indicator label englishLabel unitLabel englishUnitLabel guaranteed stretch source "
			+ "district { code name } } }";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	TokenIssuer issuer;

	@Test
	void aLargeJsonAnswerIsGzippedAndASmallOneIsNot() throws Exception {
		for (String accept : new String[] { "application/json", "application/graphql-response+json" }) {
			HttpResponse<byte[]> plain = post(BIG, accept, null);
			HttpResponse<byte[]> zipped = post(BIG, accept, "gzip");
			assertThat(plain.body().length).as(accept).isGreaterThan(20_000);
			assertThat(zipped.headers().firstValue("Content-Encoding")).as(accept).hasValue("gzip");
			assertThat(gunzip(zipped.body())).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
			assertThat(zipped.body().length).as(accept).isLessThan(plain.body().length / 5);
		}
		HttpResponse<byte[]> small = post("{ __typename }", "application/json", "gzip");
		assertThat(small.headers().firstValue("Content-Encoding")).isEmpty();
	}

	@Test
	void anAnonymousGetQueryIsPublicForAMinuteAndRevalidatesWith304() throws Exception {
		HttpResponse<String> first = get("{ districts { code name } }", null, null);
		assertThat(first.statusCode()).isEqualTo(200);
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).startsWith("\"").doesNotStartWith("W/");
		assertThat(first.headers().firstValue("Cache-Control")).hasValue("max-age=60, public");
		assertThat(first.headers().allValues("Vary").toString()).contains("Authorization", "Accept-Language");
		HttpResponse<String> again = get("{ districts { code name } }", etag, null);
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(get("{ districts { code } }", etag, null).statusCode()).isEqualTo(200);
	}

	@Test
	void aSignedInGetQueryIsPrivate() throws Exception {
		String token = TestSecurity.adminToken(this.issuer);
		HttpResponse<String> first = get("{ districts { code name } }", null, token);
		assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache, private");
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(get("{ districts { code name } }", etag, token).statusCode()).isEqualTo(304);
	}

	@Test
	void aPersistedQueryByHashRevalidatesWith304() throws Exception {
		String query = "{ districts { code kind } }";
		String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + sha256(query) + "\"}}";
		// registers the document, as Apollo's client does after PersistedQueryNotFound
		get("/graphql?query=" + encode(query) + "&extensions=" + encode(extensions), null, null);
		HttpResponse<String> byHash = get("/graphql?extensions=" + encode(extensions), null, null);
		assertThat(byHash.statusCode()).isEqualTo(200);
		assertThat(byHash.body()).contains("CITY_DIRECT");
		String etag = byHash.headers().firstValue("ETag").orElseThrow();
		assertThat(get("/graphql?extensions=" + encode(extensions), etag, null).statusCode()).isEqualTo(304);
	}

	@Test
	void errorsAreNotCached() throws Exception {
		HttpResponse<String> refused = get("{ projects(first: 1000) { totalCount } }", null, null);
		assertThat(refused.headers().firstValue("ETag")).isEmpty();
		assertThat(refused.headers().firstValue("Cache-Control").orElse("")).doesNotContain("public");
	}

	private HttpResponse<byte[]> post(String query, String accept, String encoding) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query.replace("\"", "\\\"") + "\"}"));
		if (encoding != null) {
			request.header("Accept-Encoding", encoding);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private HttpResponse<String> get(String queryOrPath, String ifNoneMatch, String token) throws Exception {
		String path = queryOrPath.startsWith("/") ? queryOrPath : "/graphql?query=" + encode(queryOrPath);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "application/json")
			.GET();
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String gunzip(byte[] body) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
