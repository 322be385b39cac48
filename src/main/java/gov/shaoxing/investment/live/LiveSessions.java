package gov.shaoxing.investment.live;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * The graphql-ws handler, keeping its open sessions by id so that a subscription whose
 * user lost the right to it can close its connection with graphql-ws's 4403 Forbidden.
 */
class LiveSessions extends GraphQlWebSocketHandler {

	/** graphql-ws: the server refuses the connection's user. */
	static final CloseStatus FORBIDDEN = new CloseStatus(4403, "Forbidden");

	private final Map<String, WebSocketSession> open = new ConcurrentHashMap<>();

	LiveSessions(WebGraphQlHandler handler, HttpMessageConverter<Object> converter, Duration initTimeout,
			Duration keepAlive, CorsConfiguration cors) {
		super(handler, converter, initTimeout, keepAlive, cors);
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		this.open.put(session.getId(), session);
		super.afterConnectionEstablished(session);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		this.open.remove(session.getId());
		super.afterConnectionClosed(session, status);
	}

	/** Closes the session with 4403, if it is still open. */
	void forbid(String sessionId) {
		WebSocketSession session = this.open.remove(sessionId);
		if (session != null && session.isOpen()) {
			try {
				session.close(FORBIDDEN);
			}
			catch (IOException ex) {
				// the connection is gone already
			}
		}
	}

	int size() {
		return this.open.size();
	}

}
