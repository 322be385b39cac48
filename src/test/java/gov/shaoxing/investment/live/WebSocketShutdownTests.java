package gov.shaoxing.investment.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import gov.shaoxing.investment.InvestmentApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Shutting down closes open graphql-ws connections with 1001, not an abnormal 1006. */
class WebSocketShutdownTests {

	@Test
	void shutdownClosesOpenWebSocketsWith1001() throws Exception {
		ConfigurableApplicationContext context = SpringApplication.run(InvestmentApplication.class, "--server.port=0",
				"--investment.store.mode=memory", "--investment.seed.demo-activity=false");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		CompletableFuture<Integer> closed = new CompletableFuture<>();
		CompletableFuture<String> acknowledged = new CompletableFuture<>();
		WebSocket socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.subprotocols("graphql-transport-ws")
			.buildAsync(URI.create("ws://localhost:" + port + "/graphql"), new WebSocket.Listener() {
				@Override
				public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
					acknowledged.complete(data.toString());
					webSocket.request(1);
					return null;
				}

				@Override
				public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
					closed.complete(statusCode);
					return null;
				}

				@Override
				public void onError(WebSocket webSocket, Throwable error) {
					closed.complete(1006);
				}
			})
			.get(30, TimeUnit.SECONDS);
		socket.sendText("{\"type\":\"connection_init\",\"payload\":{}}", true);
		assertThat(acknowledged.get(30, TimeUnit.SECONDS)).contains("connection_ack");
		context.close();
		assertThat(closed.get(30, TimeUnit.SECONDS)).isEqualTo(1001);
	}

}
