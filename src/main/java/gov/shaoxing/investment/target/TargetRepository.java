package gov.shaoxing.investment.target;

import org.springframework.data.mongodb.repository.MongoRepository;

interface TargetRepository extends MongoRepository<Target, String> {
}
