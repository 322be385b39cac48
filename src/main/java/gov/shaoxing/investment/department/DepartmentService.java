package gov.shaoxing.investment.department;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.common.CachedCollection;
import gov.shaoxing.investment.common.ReadModelProperties;

import org.springframework.stereotype.Service;

/** Reads departments, in the order the plan first names them. */
@Service
public class DepartmentService {

	private final DepartmentRepository repository;

	private final CachedCollection<Department> departments;

	DepartmentService(DepartmentRepository repository, ReadModelProperties readModel) {
		this.repository = repository;
		this.departments = new CachedCollection<>(readModel, this::loadAll, repository::findAllById, Department::code);
	}

	public List<Department> all() {
		return this.departments.all();
	}

	public Department byCode(String code) {
		return code == null ? null : this.departments.byId(code);
	}

	public Map<String, Department> byCodes(Collection<String> codes) {
		return this.departments.byIds(codes);
	}

	public void saveAll(Collection<Department> all) {
		this.repository.saveAll(all);
		this.departments.invalidate();
	}

	public void invalidate() {
		this.departments.invalidate();
	}

	private List<Department> loadAll() {
		return this.repository.findAll().stream().sorted(Comparator.comparingInt(Department::planOrder)).toList();
	}

}
