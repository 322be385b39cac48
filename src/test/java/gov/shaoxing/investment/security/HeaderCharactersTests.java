package gov.shaoxing.investment.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Pattern;

import gov.shaoxing.investment.ServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The firewall's header tests without regular expressions allow exactly what its regular
 * expressions allow, and a header they refuse still gets the clear 400.
 */
@ServiceTest
class HeaderCharactersTests {

	/** StrictHttpFirewall's own expressions (Spring Security 7.0). */
	static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@LocalServerPort
	int port;

	@Test
	void everyCodePointIsJudgedAsTheFirewallsExpressionsJudgeIt() {
		for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
			String s = "a" + Character.toString(c) + "b";
			assertThat(HeaderCharacters.NAME.test(s)).as("name with U+%04X", c).isEqualTo(NAME.matcher(s).matches());
			assertThat(HeaderCharacters.VALUE.test(s)).as("value with U+%04X", c).isEqualTo(VALUE.matcher(s).matches());
		}
	}

	@Test
	void mixedStringsWithSurrogatesAreJudgedAsTheFirewallsExpressionsJudgeThem() {
		Random random = new Random(43);
		char[] pool = { 'a', 'Z', '0', ' ', '\t', '\n', '\u0085', '\u00e9', '\u4e2d', '\u0378', '\ud83d', '\ude00',
				'\udbff', '\udfff', '\u200b', '\uffff' };
		for (int i = 0; i < 200_000; i++) {
			char[] chars = new char[1 + random.nextInt(12)];
			for (int j = 0; j < chars.length; j++) {
				chars[j] = pool[random.nextInt(pool.length)];
			}
			String s = new String(chars);
			assertThat(HeaderCharacters.NAME.test(s)).as("name %s", s.chars().boxed().toList())
				.isEqualTo(NAME.matcher(s).matches());
			assertThat(HeaderCharacters.VALUE.test(s)).as("value %s", s.chars().boxed().toList())
				.isEqualTo(VALUE.matcher(s).matches());
		}
	}

	@Test
	void aBearerTokenWithAControlCharacterIsRefusedWithRequestRejected() throws IOException {
		String body = "{\"query\":\"{ __typename }\"}";
		// NEL (U+0085) is a control character that HTTP lets through as a byte
		String request = "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
				+ "Authorization: Bearer abc\u0085def\r\nContent-Length: " + body.length()
				+ "\r\nConnection: close\r\n\r\n" + body;
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			String response = readAll(socket.getInputStream());
			assertThat(response).startsWith("HTTP/1.1 400").contains("\"REQUEST_REJECTED\"");
		}
	}

	private static String readAll(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		in.transferTo(bytes);
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
