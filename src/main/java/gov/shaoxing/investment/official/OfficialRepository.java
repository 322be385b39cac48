package gov.shaoxing.investment.official;

import org.springframework.data.mongodb.repository.MongoRepository;

interface OfficialRepository extends MongoRepository<Official, String> {

}
