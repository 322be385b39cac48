package gov.shaoxing.investment.user;

import java.util.List;
import java.util.function.Supplier;

import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.security.CurrentActor;
import gov.shaoxing.investment.security.StoredUser;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class UserController {

	private final UserService users;

	UserController(UserService users) {
		this.users = users;
	}

	@QueryMapping
	List<StoredUser.UserView> users() {
		return this.users.all(CurrentActor.get());
	}

	@MutationMapping
	UserPayload createUser(@Argument UserInput input) {
		return attempt(() -> this.users.create(input, CurrentActor.get()));
	}

	@MutationMapping
	UserPayload updateUser(@Argument UserInput input) {
		return attempt(() -> this.users.update(input, CurrentActor.get()));
	}

	private static UserPayload attempt(Supplier<StoredUser.UserView> action) {
		try {
			return new UserPayload(action.get(), List.of());
		}
		catch (ExpectedFailure ex) {
			return new UserPayload(null, ex.errors());
		}
	}

	/** Result of a user mutation. */
	record UserPayload(StoredUser.UserView user, List<PayloadError> errors) {
	}

}
