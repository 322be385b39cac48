package gov.shaoxing.investment.store;

import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;

/**
 * The driver settings the service relies on, where {@code MONGODB_URI} does not choose
 * otherwise: writes acknowledged by a majority and journaled, so an acknowledged write
 * survives a crash of any node; and timeouts, so that an unreachable store fails a
 * request within seconds (STORE_UNAVAILABLE) instead of holding it. Whatever the URI says
 * is kept as it is: the service never weakens a concern given there.
 */
final class ClientSettings implements MongoClientSettingsBuilderCustomizer {

	private static final Logger log = LoggerFactory.getLogger(ClientSettings.class);

	static final WriteConcern DURABLE = WriteConcern.MAJORITY.withJournal(true);

	private final StoreProperties properties;

	private final ConnectionString uri;

	ClientSettings(StoreProperties properties, ConnectionString uri) {
		this.properties = properties;
		this.uri = uri;
	}

	@Override
	public void customize(MongoClientSettings.Builder settings) {
		WriteConcern given = this.uri.getWriteConcern();
		if (given == null) {
			settings.writeConcern(DURABLE);
		}
		else if (!this.properties.embedded() && !durable(given)) {
			log.warn("Store: MONGODB_URI sets the write concern {}, which does not promise that an acknowledged write "
					+ "survives a crash; it is used as given", given.asDocument().toJson());
		}
		if (this.uri.getServerSelectionTimeout() == null) {
			settings.applyToClusterSettings((cluster) -> cluster
				.serverSelectionTimeout(this.properties.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS));
		}
		settings.applyToSocketSettings((socket) -> {
			if (this.uri.getConnectTimeout() == null) {
				socket.connectTimeout((int) this.properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
			}
			if (this.uri.getSocketTimeout() == null) {
				socket.readTimeout((int) this.properties.socketTimeout().toMillis(), TimeUnit.MILLISECONDS);
			}
		});
	}

	/**
	 * Majority (or more) and journaled; an unset journal follows the server's default.
	 */
	static boolean durable(WriteConcern concern) {
		Object w = concern.getWObject();
		boolean majority = "majority".equals(w) || (w instanceof Integer n && n > 1);
		return majority && !Boolean.FALSE.equals(concern.getJournal());
	}

}
