package gov.shaoxing.investment.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import gov.shaoxing.investment.ServiceTest;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.security.TokenIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever arrives over HTTP (a body of {@code null}, any content type or none, a
 * malformed query string, a number where the query should be, an upload over the request
 * size limit) gets a 4xx with a JSON body a client can read, never a 500, an HTML page or
 * a reset connection. Raw sockets, so that nothing is corrected on the way.
 */
@ServiceTest
class HttpEdgeTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	TokenIssuer tokens;

	/** A status line, headers and body as the server wrote them. */
	record Raw(int status, String head, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		/** A GraphQL-shaped refusal: 4xx, JSON, errors with a message and a code. */
		Raw graphQlRefusal() {
			assertThat(this.status).as(this.head + "\n" + this.body).isBetween(400, 499);
			assertThat(this.head.toLowerCase()).contains("content-type: application/");
			assertThat(this.body).doesNotContain("<html").doesNotContain("Exception").doesNotContain("\"trace\"");
			JsonNode error = json().path("errors").path(0);
			assertThat(error.path("message").asString()).as(this.body).isNotBlank();
			assertThat(error.path("extensions").path("code").asString()).as(this.body).isNotBlank();
			return this;
		}

		String code() {
			return json().path("errors").path(0).path("extensions").path("code").asString();
		}

	}

	Raw exchange(String requestHead, byte[] body) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
			if (body != null) {
				out.write(body);
			}
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			in.transferTo(response);
			String text = response.toString(StandardCharsets.UTF_8);
			int split = text.indexOf("\r\n\r\n");
			String head = text.substring(0, split);
			String rest = text.substring(split + 4);
			if (head.toLowerCase().contains("transfer-encoding: chunked")) {
				rest = unchunk(response.toByteArray(), split + 4);
			}
			return new Raw(Integer.parseInt(head.substring(9, 12)), head, rest);
		}
	}

	/**
	 * The body of a chunked response that starts at byte {@code from}; sizes count bytes,
	 * and a chunk may end inside a UTF-8 character, so the chunks are joined before
	 * decoding.
	 */
	static String unchunk(byte[] response, int from) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int at = from;
		while (at < response.length) {
			int end = at;
			while (end + 1 < response.length && !(response[end] == '\r' && response[end + 1] == '\n')) {
				end++;
			}
			String sizeLine = new String(response, at, end - at, StandardCharsets.ISO_8859_1).trim();
			int size = Integer.parseInt(sizeLine.split(";")[0], 16);
			if (size == 0) {
				break;
			}
			int start = end + 2;
			int length = Math.min(size, response.length - start);
			body.write(response, start, length);
			at = start + length + 2;
		}
		return body.toString(StandardCharsets.UTF_8);
	}

	Raw post(String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String head = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAccept-Language: en\r\n"
				+ "Accept: application/graphql-response+json\r\n"
				+ ((contentType != null) ? "Content-Type: " + contentType + "\r\n" : "") + "Content-Length: "
				+ bytes.length + "\r\n\r\n";
		return exchange(head, bytes);
	}

	Raw get(String target) throws IOException {
		return exchange("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
				+ "Accept: application/graphql-response+json\r\n\r\n", null);
	}

	@Test
	void aBodyOfNullIsABadRequest() throws Exception {
		post("application/json", "null").graphQlRefusal();
		post("application/json", "[]").graphQlRefusal();
		post("application/json", "\"{ __typename }\"").graphQlRefusal();
		post("application/json", "").graphQlRefusal();
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/*", "*/*", "text/plain", "application/xml", "multipart/form-data",
			"application/x-www-form-urlencoded", "x", "application/json; charset=nonsense", "image/*; q=0" })
	void anyContentTypeGetsAGraphQlShapedAnswer(String contentType) throws Exception {
		Raw raw = post(contentType, "{\"query\":\"{ __typename }\"}");
		if (raw.status() != 200) {
			raw.graphQlRefusal();
		}
		else {
			assertThat(raw.json().path("data").path("__typename").asString()).isEqualTo("Query");
		}
	}

	@Test
	void noContentTypeGetsAGraphQlShapedAnswer() throws Exception {
		post(null, "{\"query\":\"{ __typename }\"}").graphQlRefusal();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/graphql?query=%", "/graphql?query=%ZZ", "/graphql?query={%20__typename%20}&query=%",
			"/graphql?%=x", "/graphql?query=%E4%B8", "/graphql?query=%C0%AF", "/graphql?variables=%7B&query=x",
			"/graphql?&&&=&=", "/graphql?query" })
	void aMalformedQueryStringIsABadRequest(String target) throws Exception {
		get(target).graphQlRefusal();
	}

	@Test
	void aNumberOrBooleanQueryOrOperationNameIsABadRequest() throws Exception {
		for (String body : List.of("{\"query\":1}", "{\"query\":true}", "{\"query\":{}}",
				"{\"query\":\"{ __typename }\",\"operationName\":1}",
				"{\"query\":\"{ __typename }\",\"operationName\":false}",
				"{\"query\":\"{ __typename }\",\"variables\":[]}",
				"{\"query\":\"{ __typename }\",\"extensions\":\"x\"}")) {
			Raw raw = post("application/json", body).graphQlRefusal();
			assertThat(raw.status()).as(body).isEqualTo(400);
		}
	}

	@Test
	void anUploadOverTheRequestSizeLimitGets413Json() throws Exception {
		String boundary = "----edge";
		byte[] file = new byte[12 * 1024 * 1024];
		String start = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n";
		String end = "\r\n--" + boundary + "--\r\n";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(start.getBytes(StandardCharsets.US_ASCII));
		body.write(file);
		body.write(end.getBytes(StandardCharsets.US_ASCII));
		String head = "POST /photos HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAccept-Language: en\r\n"
				+ "Authorization: Bearer " + TestSecurity.adminToken(this.tokens)
				+ "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + body.size()
				+ "\r\n\r\n";
		Raw raw = exchange(head, body.toByteArray());
		assertThat(raw.status()).as(raw.head()).isEqualTo(413);
		assertThat(raw.json().path("code").asString()).isEqualTo("PHOTO_TOO_LARGE");
		assertThat(raw.json().path("message").asString()).isEqualTo("A photo may be at most 5 MB.");
	}

}
