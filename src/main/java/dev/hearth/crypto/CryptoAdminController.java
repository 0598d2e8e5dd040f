package dev.hearth.crypto;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Encryption at rest in the admin API: the key rotation's progress, and a run on demand.
 */
@RestController
@RequestMapping("/api/admin/encryption")
class CryptoAdminController {

	private final KeyRotation rotation;

	CryptoAdminController(KeyRotation rotation) {
		this.rotation = rotation;
	}

	@GetMapping
	KeyRotation.Status status() {
		return this.rotation.status();
	}

	/** Runs one bounded pass now and answers the progress after it. */
	@PostMapping("/rotation")
	KeyRotation.Status rotate() {
		this.rotation.run();
		return this.rotation.status();
	}

}
