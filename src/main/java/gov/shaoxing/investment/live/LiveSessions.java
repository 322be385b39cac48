package gov.shaoxing.investment.live;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.SmartLifecycle;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * The graphql-ws handler, keeping its open sessions by id: a subscription whose user lost
 * the right to it closes its connection with graphql-ws's 4403 Forbidden, and shutting
 * down closes every connection with 1001 (going away), so that clients reconnect at once
 * to another instance instead of seeing an abnormal 1006 once the sockets are cut.
 */
class LiveSessions extends GraphQlWebSocketHandler implements SmartLifecycle {

	/** graphql-ws: the server refuses the connection's user. */
	static final CloseStatus FORBIDDEN = new CloseStatus(4403, "Forbidden");

	private final Map<String, WebSocketSession> open = new ConcurrentHashMap<>();

	private volatile boolean running;

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

	@Override
	public void start() {
		this.running = true;
	}

	/** Before the web server stops (a later phase), so the frames still get out. */
	@Override
	public void stop() {
		this.running = false;
		for (WebSocketSession session : this.open.values()) {
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
