package gov.shaoxing.investment.measure;

import org.springframework.data.mongodb.repository.MongoRepository;

interface MeasureRepository extends MongoRepository<WorkMeasure, String> {

}
