package gov.shaoxing.investment.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the store: the URI in {@code MONGODB_URI}, or an in-process mongo-java-server
 * speaking the wire protocol. Either way the rest of the application sees an ordinary
 * MongoDB connection string.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

	@Bean
	MongoConnectionDetails mongoConnectionDetails(StoreProperties properties, EmbeddedStore embedded) {
		ConnectionString connection;
		if (properties.embedded()) {
			connection = new ConnectionString(embedded.start());
		}
		else {
			connection = new ConnectionString(properties.uri());
			log.info("Store: MongoDB at {} (from MONGODB_URI)", String.join(",", connection.getHosts()));
		}
		return () -> connection;
	}

	@Bean(destroyMethod = "stop")
	EmbeddedStore embeddedStore(StoreProperties properties) {
		return new EmbeddedStore(properties);
	}

	/** The embedded mongo-java-server; started only when no URI is configured. */
	static final class EmbeddedStore {

		private final StoreProperties properties;

		private MongoServer server;

		EmbeddedStore(StoreProperties properties) {
			this.properties = properties;
		}

		synchronized String start() {
			MongoBackend backend;
			String where;
			if (this.properties.mode() == StoreProperties.Mode.MEMORY) {
				backend = new MemoryBackend();
				where = "in memory (nothing survives a restart)";
			}
			else {
				Path dir = Path.of(this.properties.dataDir()).toAbsolutePath().normalize();
				try {
					Files.createDirectories(dir);
				}
				catch (IOException ex) {
					throw new IllegalStateException("Cannot create data directory " + dir, ex);
				}
				Path file = dir.resolve("investment.mv.db");
				backend = new H2Backend(file.toString());
				where = "H2 file " + file;
			}
			backend.version(ServerVersion.MONGO_5_0);
			this.server = new MongoServer(backend);
			if (this.properties.oplog()) {
				this.server.enableOplog();
			}
			this.server.bind("127.0.0.1", 0);
			InetSocketAddress address = this.server.getLocalAddress();
			log.info("Store: embedded mongo-java-server, {}, on 127.0.0.1:{}, oplog {} (set MONGODB_URI to use a real "
					+ "MongoDB)", where, address.getPort(), this.properties.oplog() ? "on" : "off");
			return "mongodb://127.0.0.1:" + address.getPort() + "/";
		}

		synchronized void stop() {
			if (this.server != null) {
				this.server.shutdownNow();
				this.server = null;
			}
		}

	}

}
