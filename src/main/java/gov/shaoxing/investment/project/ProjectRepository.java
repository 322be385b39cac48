package gov.shaoxing.investment.project;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ProjectRepository extends MongoRepository<Project, String> {

}
