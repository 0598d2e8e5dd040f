package dev.hearth.identity;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A local account signed in with its password. */
class LocalUser extends User {

	private final String displayName;

	LocalUser(LocalAccounts.Account account, String passwordHash) {
		super(account.username(), passwordHash, account.enabled(), true, true, true,
				List.of(new SimpleGrantedAuthority(account.role().authority())));
		this.displayName = account.displayName();
	}

	String displayName() {
		return this.displayName;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
