package gov.shaoxing.investment.store;

import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoServerException;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;
import org.springframework.data.mongodb.core.MongoDatabaseFactorySupport;

/**
 * Writes the store refused for want of disk space (MongoDB's OutOfDiskSpace, also sent by
 * the embedded store below its free-space threshold) or could not make durable become
 * resource failures, which clients see as STORE_UNAVAILABLE, like an unreachable store.
 */
final class StoreExceptionTranslation implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		// the template takes its translator from the factory when it is made, after this
		if (bean instanceof MongoDatabaseFactorySupport<?> factory) {
			factory.setExceptionTranslator(new Translator());
		}
		return bean;
	}

	static final class Translator extends MongoExceptionTranslator {

		@Override
		public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
			if (ex instanceof MongoServerException server && (server.getCode() == DurableH2Backend.OUT_OF_DISK_SPACE
					|| server.getCode() == DurableH2Backend.WRITE_CONCERN_FAILED)) {
				return new DataAccessResourceFailureException("The store refused the write.", ex);
			}
			if (ex instanceof MongoOperationTimeoutException) {
				// a bulk read's operation timeout (BulkReads): the store is out of reach
				// or too
				// slow, as a socket timeout says for a request's command
				return new DataAccessResourceFailureException("The store did not answer in time.", ex);
			}
			return super.translateExceptionIfPossible(ex);
		}

	}

}
