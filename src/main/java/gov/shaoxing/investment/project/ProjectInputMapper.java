package gov.shaoxing.investment.project;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/**
 * Turns a full project input (a {@code createProject} input or an imported row) into the
 * {@code updateProject} input for an existing project, so both go through the same rules.
 */
@Mapper
interface ProjectInputMapper {

	@Mapping(target = "id", source = "id")
	@Mapping(target = "expectedRevision", source = "expectedRevision")
	@Mapping(target = "reason", source = "reason")
	UpdateProjectInput toUpdate(CreateProjectInput input, String id, Integer expectedRevision, String reason);

}
