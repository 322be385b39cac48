package gov.shaoxing.investment.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on loopback between the service and its store, for cutting the connection
 * as a network would: {@link #freeze()} keeps every connection open but passes nothing (a
 * black hole), {@link #restore()} drops the frozen connections and relays again.
 */
final class StoreProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final InetSocketAddress upstream;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private volatile boolean frozen;

	StoreProxy(int upstreamPort) throws IOException {
		this.upstream = new InetSocketAddress("127.0.0.1", upstreamPort);
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread accept = new Thread(this::accept, "store-proxy");
		accept.setDaemon(true);
		accept.start();
	}

	int port() {
		return this.listener.getLocalPort();
	}

	void freeze() {
		this.frozen = true;
	}

	void restore() {
		this.frozen = false;
		for (Socket socket : this.sockets) {
			close(socket);
		}
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				this.sockets.add(client);
				if (this.frozen) {
					continue; // held open, never answered
				}
				Socket server = new Socket();
				server.connect(this.upstream, 2000);
				this.sockets.add(server);
				pump(client, server);
				pump(server, client);
			}
			catch (IOException ex) {
				// listener closed, or the store refused: the client sees a dropped
				// connection
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int n;
				while ((n = in.read(buffer)) >= 0) {
					while (this.frozen && !from.isClosed()) {
						Thread.sleep(20);
					}
					out.write(buffer, 0, n);
					out.flush();
				}
			}
			catch (IOException | InterruptedException ex) {
				// one side went away
			}
			finally {
				close(from);
				close(to);
			}
		}, "store-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private void close(Socket socket) {
		this.sockets.remove(socket);
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
		restore();
	}

}
