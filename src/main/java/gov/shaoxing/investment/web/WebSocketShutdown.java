package gov.shaoxing.investment.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * On shutdown every open graphql-ws connection gets a close frame, 1001 (going away), so
 * that clients reconnect at once to another instance instead of seeing an abnormal 1006
 * once the server's sockets are cut. Replaces Boot's handler with the same settings, and
 * the browser origins allowed to upgrade.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketShutdown {

	@Bean
	ClosingGraphQlWebSocketHandler closingGraphQlWebSocketHandler(WebGraphQlHandler handler,
			GraphQlProperties properties, JsonMapper json, CorsConfiguration browserOrigins) {
		@SuppressWarnings("unchecked")
		HttpMessageConverter<Object> converter = (HttpMessageConverter<Object>) (HttpMessageConverter<?>) new JacksonJsonHttpMessageConverter(
				json);
		return new ClosingGraphQlWebSocketHandler(handler, converter, properties, browserOrigins);
	}

	/** Boot's GraphQL WebSocket handler, remembering its sessions to close them. */
	static class ClosingGraphQlWebSocketHandler extends GraphQlWebSocketHandler implements SmartLifecycle {

		private final Map<String, WebSocketSession> sessions = new ConcurrentHashMap<>();

		private volatile boolean running;

		ClosingGraphQlWebSocketHandler(WebGraphQlHandler handler, HttpMessageConverter<Object> converter,
				GraphQlProperties properties, CorsConfiguration browserOrigins) {
			super(handler, converter, properties.getWebsocket().getConnectionInitTimeout(),
					properties.getWebsocket().getKeepAlive(), browserOrigins);
		}

		@Override
		public void afterConnectionEstablished(WebSocketSession session) {
			this.sessions.put(session.getId(), session);
			super.afterConnectionEstablished(session);
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
			this.sessions.remove(session.getId());
			super.afterConnectionClosed(session, status);
		}

		int openSessions() {
			return this.sessions.size();
		}

		@Override
		public void start() {
			this.running = true;
		}

		/** Before the web server stops (a later phase), so the frames still get out. */
		@Override
		public void stop() {
			this.running = false;
			for (WebSocketSession session : this.sessions.values()) {
				try {
					session.close(CloseStatus.GOING_AWAY.withReason("The service is shutting down."));
				}
				catch (IOException | IllegalStateException ex) {
					// already gone
				}
			}
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

	}

}
