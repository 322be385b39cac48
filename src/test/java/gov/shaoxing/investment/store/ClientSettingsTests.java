package gov.shaoxing.investment.store;

import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientSettingsTests {

	private static MongoClientSettings settings(String uri) {
		ConnectionString connection = new ConnectionString(uri);
		StoreProperties properties = new StoreProperties(uri, null, null, false);
		MongoClientSettings.Builder builder = MongoClientSettings.builder().applyConnectionString(connection);
		new ClientSettings(properties, connection).customize(builder);
		return builder.build();
	}

	@Test
	void writesAreJournaledOnAMajorityUnlessTheUriSaysOtherwise() {
		WriteConcern concern = settings("mongodb://db.example:27017/investment").getWriteConcern();
		assertThat(concern.getWObject()).isEqualTo("majority");
		assertThat(concern.getJournal()).isTrue();
	}

	@Test
	void aConcernGivenInTheUriIsKeptAsGiven() {
		assertThat(settings("mongodb://db.example/?w=3&journal=true").getWriteConcern())
			.isEqualTo(new WriteConcern(3).withJournal(true));
		assertThat(settings("mongodb://db.example/?w=1").getWriteConcern()).isEqualTo(WriteConcern.W1);
		assertThat(settings("mongodb://db.example/?w=majority&wtimeoutMS=2000").getWriteConcern())
			.isEqualTo(WriteConcern.MAJORITY.withWTimeout(2000, TimeUnit.MILLISECONDS));
	}

	@Test
	void anUnreachableStoreFailsWithinSecondsUnlessTheUriSetsItsOwnTimeouts() {
		MongoClientSettings defaults = settings("mongodb://db.example/");
		assertThat(defaults.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2000);
		assertThat(defaults.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1000);
		assertThat(defaults.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2000);
		MongoClientSettings given = settings(
				"mongodb://db.example/?serverSelectionTimeoutMS=9000&connectTimeoutMS=8000&socketTimeoutMS=7000");
		assertThat(given.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(9000);
		assertThat(given.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(8000);
		assertThat(given.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(7000);
	}

}
