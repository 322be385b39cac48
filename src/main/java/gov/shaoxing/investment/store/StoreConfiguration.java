package gov.shaoxing.investment.store;

import com.mongodb.ConnectionString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions.BigDecimalRepresentation;

/**
 * Chooses the store: the URI in {@code MONGODB_URI}, or an in-process mongo-java-server
 * speaking the wire protocol. Either way the rest of the application sees an ordinary
 * MongoDB connection string, with a durable write concern and timeouts that let a request
 * fail fast while the store is out of reach.
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

	@Bean
	MongoClientSettingsBuilderCustomizer durableAndBoundedClient(StoreProperties properties,
			MongoConnectionDetails connection) {
		return new ClientSettings(properties, connection.getConnectionString());
	}

	/**
	 * Decimals are written as Decimal128 (this replaces Boot's bean, so it sets what
	 * {@code spring.data.mongodb.representation.big-decimal: decimal128} did) and read
	 * back compact ({@link CompactDecimals}).
	 */
	@Bean
	MongoCustomConversions mongoCustomConversions() {
		return MongoCustomConversions.create((adapter) -> adapter.bigDecimal(BigDecimalRepresentation.DECIMAL128)
			.registerConverter(CompactDecimals.INSTANCE));
	}

	@Bean
	static StoreExceptionTranslation storeExceptionTranslation() {
		return new StoreExceptionTranslation();
	}

}
