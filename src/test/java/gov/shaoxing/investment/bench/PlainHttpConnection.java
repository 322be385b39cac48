package gov.shaoxing.investment.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A minimal blocking HTTP/1.1 client on one keep-alive socket: it sends a POST and reads
 * one response, with a Content-Length or a chunked body. It costs the client a small
 * fraction of the CPU that {@code java.net.http} needs, which matters when client and
 * server share two cores. One instance per thread; not thread-safe.
 */
final class PlainHttpConnection implements AutoCloseable {

	private final URI uri;

	private final byte[] head;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	private byte[] line = new byte[256];

	PlainHttpConnection(URI uri) {
		this.uri = uri;
		this.head = ("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
				+ "\r\nContent-Type: application/json\r\nAccept: application/graphql-response+json, application/json"
				+ (LoadRunner.authorization == null ? "" : "\r\nAuthorization: " + LoadRunner.authorization)
				+ "\r\nContent-Length: ")
			.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Posts the body and returns the status and the body of the answer; reconnects after
	 * a failure.
	 */
	Response post(byte[] body) throws IOException {
		try {
			if (this.socket == null) {
				connect();
			}
			this.out.write(this.head);
			this.out.write(Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII));
			this.out.write('\r');
			this.out.write('\n');
			this.out.write('\r');
			this.out.write('\n');
			this.out.write(body);
			this.out.flush();
			return read();
		}
		catch (IOException ex) {
			close();
			throw ex;
		}
	}

	private void connect() throws IOException {
		this.socket = new Socket();
		this.socket.setTcpNoDelay(true);
		this.socket.setSoTimeout(30_000);
		this.socket.connect(new InetSocketAddress(this.uri.getHost(), this.uri.getPort()), 5_000);
		this.in = new BufferedInputStream(this.socket.getInputStream(), 64 * 1024);
		this.out = new BufferedOutputStream(this.socket.getOutputStream(), 16 * 1024);
	}

	private Response read() throws IOException {
		String statusLine = readLine();
		if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
			throw new IOException("Not an HTTP/1.1 status line: " + statusLine);
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean close = false;
		for (String header = readLine(); !header.isEmpty(); header = readLine()) {
			int colon = header.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = header.substring(colon + 1).trim();
			switch (name) {
				case "content-length" -> length = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
				case "connection" -> close = value.equalsIgnoreCase("close");
				default -> {
				}
			}
		}
		byte[] body;
		if (chunked) {
			body = readChunked();
		}
		else if (length >= 0) {
			body = this.in.readNBytes((int) length);
			if (body.length != length) {
				throw new EOFException("Body ended after " + body.length + " of " + length + " bytes");
			}
		}
		else {
			body = this.in.readAllBytes();
			close = true;
		}
		if (close) {
			close();
		}
		return new Response(status, new String(body, StandardCharsets.UTF_8));
	}

	private byte[] readChunked() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream(8 * 1024);
		while (true) {
			String sizeLine = readLine();
			int semicolon = sizeLine.indexOf(';');
			int size = Integer.parseInt((semicolon >= 0) ? sizeLine.substring(0, semicolon) : sizeLine.trim(), 16);
			if (size == 0) {
				while (!readLine().isEmpty()) {
					// trailers: none expected, skip any
				}
				return body.toByteArray();
			}
			byte[] chunk = this.in.readNBytes(size);
			if (chunk.length != size) {
				throw new EOFException("Chunk ended after " + chunk.length + " of " + size + " bytes");
			}
			body.write(chunk);
			readLine();
		}
	}

	/** One header line without its CRLF, as ASCII. */
	private String readLine() throws IOException {
		int length = 0;
		while (true) {
			int b = this.in.read();
			if (b < 0) {
				throw new EOFException("Connection closed by the server");
			}
			if (b == '\n') {
				break;
			}
			if (length == this.line.length) {
				this.line = Arrays.copyOf(this.line, length * 2);
			}
			this.line[length++] = (byte) b;
		}
		if (length > 0 && this.line[length - 1] == '\r') {
			length--;
		}
		return new String(this.line, 0, length, StandardCharsets.US_ASCII);
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// nothing to do: the connection is dropped either way
			}
			this.socket = null;
		}
	}

	record Response(int status, String body) {
	}

}
