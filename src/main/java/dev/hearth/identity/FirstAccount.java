package dev.hearth.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * On a first start with no console account at all, creates the local account
 * {@code admin} so the console can be used offline: with
 * {@code HEARTH_INITIAL_ADMIN_PASSWORD} when set, else with a generated password printed
 * once to the log (only its bcrypt hash is stored).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class FirstAccount implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAccount.class);

	private final LocalAccounts accounts;

	private final IdentityProperties properties;

	FirstAccount(LocalAccounts accounts, IdentityProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.accounts.any()) {
			return;
		}
		boolean configured = StringUtils.hasText(this.properties.initialAdminPassword());
		String password = configured ? this.properties.initialAdminPassword() : LocalAccounts.generatePassword();
		this.accounts.save("admin", "Hearth", "Administrator", HearthRole.ADMIN, password);
		if (configured) {
			log.info("Created the console account 'admin' with the password from HEARTH_INITIAL_ADMIN_PASSWORD");
		}
		else {
			log.warn("""

					  Created the console account 'admin' (role ADMIN). Its password is shown this once:

					      {}

					  Sign in at /console/login and create accounts for your agents (kb-import account create).
					""", password);
		}
	}

}
