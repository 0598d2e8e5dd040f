package dev.hearth.assistant;

import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The answer pipeline in the admin API: answer a question exactly as the widget would
 * (for evaluation), the FAQ router's status, training on demand, and the out-of-scope
 * threshold.
 */
@RestController
@RequestMapping("/api/admin")
class AssistantAdminController {

	private final AnswerPipeline pipeline;

	private final RouterService router;

	AssistantAdminController(AnswerPipeline pipeline, RouterService router) {
		this.pipeline = pipeline;
		this.router = router;
	}

	/**
	 * @param question the question
	 * @param history earlier turns, oldest first; optional
	 * @param threshold an out-of-scope threshold to try instead of the one in force;
	 * optional
	 */
	record AnswerRequest(String question, List<Turn> history, Double threshold) {
	}

	/**
	 * @param threshold the new out-of-scope threshold, 0 to 1
	 */
	record ThresholdRequest(Double threshold) {
	}

	@PostMapping("/answer")
	Answer answer(@RequestBody(required = false) AnswerRequest request) {
		if (request == null || request.question() == null) {
			throw new IllegalArgumentException("send {\"question\": \"...\"}");
		}
		return this.pipeline.answer(request.question(), (request.history() != null) ? request.history() : List.of(),
				request.threshold(), (text) -> {
				});
	}

	@GetMapping("/router")
	RouterStatus status() {
		return this.router.status();
	}

	@PostMapping("/router/train")
	ResponseEntity<RouterStatus> train(@RequestParam(defaultValue = "true") boolean wait) {
		if (wait) {
			this.router.trainNow();
			return ResponseEntity.ok(this.router.status());
		}
		this.router.requestTraining();
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.router.status());
	}

	@PutMapping("/router/threshold")
	RouterStatus threshold(@RequestBody(required = false) ThresholdRequest request, Principal principal) {
		if (request == null || request.threshold() == null) {
			throw new IllegalArgumentException("send {\"threshold\": 0.42}");
		}
		this.router.saveThreshold(request.threshold(), principal.getName());
		return this.router.status();
	}

}
