package gov.shaoxing.investment.department;

import org.springframework.data.mongodb.repository.MongoRepository;

interface DepartmentRepository extends MongoRepository<Department, String> {

}
