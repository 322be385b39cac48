package gov.shaoxing.investment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records every command the driver sends, as {@code name collection}, so tests can count
 * round trips.
 */
public class CommandCounter implements CommandListener {

	private final List<String> commands = new CopyOnWriteArrayList<>();

	private final List<BsonDocument> sent = new CopyOnWriteArrayList<>();

	@Override
	public void commandStarted(CommandStartedEvent event) {
		if (changeFeedRead(event.getCommand())) {
			// the change feed polls in the background; its reads are no request's round
			// trips
			return;
		}
		BsonValue target = event.getCommand().get(event.getCommandName());
		this.commands.add(event.getCommandName() + " "
				+ (target != null && target.isString() ? target.asString().getValue() : ""));
		this.sent.add(event.getCommand().clone());
	}

	private static boolean changeFeedRead(BsonDocument command) {
		String name = command.getFirstKey();
		BsonValue collection = "getMore".equals(name) ? command.get("collection") : command.get(name);
		return ("find".equals(name) || "getMore".equals(name) || "aggregate".equals(name)) && collection != null
				&& collection.isString() && "events".equals(collection.asString().getValue());
	}

	public void reset() {
		this.commands.clear();
		this.sent.clear();
	}

	/** The commands as sent, with their filters. */
	public List<BsonDocument> sent() {
		return List.copyOf(this.sent);
	}

	public List<String> commands() {
		return List.copyOf(this.commands);
	}

	public long count(String command) {
		return this.commands.stream().filter(command::equals).count();
	}

	/** Registers the counter with the driver. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		CommandCounter commandCounter() {
			return new CommandCounter();
		}

		@Bean
		MongoClientSettingsBuilderCustomizer countCommands(CommandCounter counter) {
			return (settings) -> settings.addCommandListener(counter);
		}

	}

}
