package gov.shaoxing.investment.store;

import java.math.BigDecimal;

import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import static org.assertj.core.api.Assertions.assertThat;

class CompactDecimalsTests {

	@Test
	void aDecimalReadsBackWithTheSameValueAndScale() {
		for (String text : new String[] { "0", "0.00", "12.34", "-7.5", "1E+3", "123456789012345678",
				"0.000000000000000001", "1234567890123456789012.5" }) {
			BigDecimal written = new BigDecimal(text);
			BigDecimal read = CompactDecimals.INSTANCE.convert(new Decimal128(written));
			assertThat(read).as(text).isEqualTo(written);
			assertThat(read.scale()).as(text).isEqualTo(written.scale());
		}
	}

	@Test
	void theApplicationStillWritesDecimalsAsDecimal128AndReadsThemBack() {
		MongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context());
		((MappingMongoConverter) converter).setCustomConversions(conversions());
		((MappingMongoConverter) converter).afterPropertiesSet();
		org.bson.Document stored = new org.bson.Document();
		converter.write(new Amount(new BigDecimal("12.50")), stored);

		assertThat(stored.get("value")).isInstanceOf(Decimal128.class);
		assertThat(converter.read(Amount.class, stored).value()).isEqualTo(new BigDecimal("12.50"));
	}

	record Amount(BigDecimal value) {
	}

	private static MongoCustomConversions conversions() {
		return new StoreConfiguration().mongoCustomConversions();
	}

	private static MongoMappingContext context() {
		MongoMappingContext context = new MongoMappingContext();
		context.setSimpleTypeHolder(conversions().getSimpleTypeHolder());
		context.afterPropertiesSet();
		return context;
	}

}
