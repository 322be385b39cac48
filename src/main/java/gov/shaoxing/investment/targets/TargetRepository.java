package gov.shaoxing.investment.targets;

import org.springframework.data.mongodb.repository.MongoRepository;

interface TargetRepository extends MongoRepository<Target, String> {

}
