package dev.hearth.identity;

import java.security.Principal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hearth.privacy.AuditTrail;

/**
 * Sign-in locks in the admin API: whether an account or a client address is locked now
 * (shared by every replica), and lifting a lock early, audited as
 * {@code SIGN_IN_UNLOCKED}.
 */
@RestController
@RequestMapping("/api/admin/sign-in-locks")
class SignInLockController {

	private final SignInThrottle throttle;

	private final AuditTrail audit;

	SignInLockController(SignInThrottle throttle, AuditTrail audit) {
		this.throttle = throttle;
		this.audit = audit;
	}

	@GetMapping
	Map<String, Object> status(@RequestParam(required = false) String account,
			@RequestParam(required = false) String address) {
		check(account, address);
		Optional<Duration> wait = this.throttle.lockedFor(blankToNull(account), blankToNull(address));
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("account", blankToNull(account));
		status.put("address", blankToNull(address));
		status.put("locked", wait.isPresent());
		status.put("waitSeconds", wait.map(Duration::toSeconds).orElse(0L));
		status.put("shared", this.throttle.isShared());
		return status;
	}

	@DeleteMapping
	Map<String, Object> unlock(@RequestParam(required = false) String account,
			@RequestParam(required = false) String address, Principal admin) {
		check(account, address);
		Optional<Duration> wait = this.throttle.lockedFor(blankToNull(account), blankToNull(address));
		Map<String, Object> details = new LinkedHashMap<>();
		if (blankToNull(account) != null) {
			this.throttle.unlockAccount(account);
			details.put("account", account.strip());
		}
		if (blankToNull(address) != null) {
			this.throttle.unlockAddress(address.strip());
			details.put("address", address.strip());
		}
		details.put("wasLocked", wait.isPresent());
		this.audit.record("SIGN_IN_UNLOCKED", admin.getName(),
				(blankToNull(account) != null) ? account.strip() : "address", details);
		return details;
	}

	private static void check(String account, String address) {
		if (blankToNull(account) == null && blankToNull(address) == null) {
			throw new IllegalArgumentException(
					"name an account (?account=alice) or a client address (?address=203.0.113.7), or both");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
