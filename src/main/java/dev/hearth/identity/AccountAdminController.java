package dev.hearth.identity;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.hearth.privacy.AuditTrail;

/**
 * Local console accounts in the admin API (what {@code kb-import account} calls): create
 * or update one, with a generated password returned once when none is given; list them.
 */
@RestController
@RequestMapping("/api/admin/accounts")
class AccountAdminController {

	private final LocalAccounts accounts;

	private final AuditTrail audit;

	AccountAdminController(LocalAccounts accounts, AuditTrail audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	record NewAccount(String username, String firstName, String lastName, String role, String password) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> save(@RequestBody(required = false) NewAccount request, Principal admin) {
		if (request == null) {
			throw new IllegalArgumentException(
					"send {\"username\", \"firstName\", \"lastName\", \"role\": AGENT|SUPERVISOR|ADMIN, \"password\"?}");
		}
		HearthRole role;
		try {
			role = HearthRole.valueOf(String.valueOf(request.role()).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("role must be AGENT, SUPERVISOR or ADMIN, got '" + request.role() + "'");
		}
		boolean generated = request.password() == null || request.password().isBlank();
		String password = generated ? LocalAccounts.generatePassword() : request.password();
		String username = (request.username() != null) ? request.username().strip().toLowerCase(Locale.ROOT) : null;
		LocalAccounts.Account account = this.accounts.save(username, request.firstName(), request.lastName(), role,
				password);
		this.audit.record("ACCOUNT_SAVED", admin.getName(), account.username(), Map.of("role", role.name()));
		return generated ? Map.of("account", account, "password", password) : Map.of("account", account);
	}

	@GetMapping
	List<LocalAccounts.Account> list() {
		return this.accounts.list();
	}

}
