package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hearth.assistant.router.Evaluation;

/**
 * Evaluation metrics in the admin API, so that {@code kb-import eval} prints what the
 * server computes instead of computing it again: the client answers each labelled
 * question through {@code POST /api/admin/answer}, sends the outcomes here and gets the
 * metrics ({@link Evaluation#summarise}) or a calibrated out-of-scope threshold
 * ({@link Evaluation#calibrate}). Pure computation: nothing is stored.
 */
@RestController
@RequestMapping("/api/admin/eval")
class EvaluationAdminController {

	/**
	 * @param outcomes what happened to each labelled question
	 */
	record OutcomesRequest(List<OutcomeJson> outcomes) {
	}

	/**
	 * One outcome as the client sends it (see {@link Evaluation.Result}).
	 *
	 * @param expected the right FAQ entry id, or {@code null} for "escalate"
	 * @param predicted the FAQ entry id that answered, {@code "document"}, or
	 * {@code null} when escalated
	 * @param ranked the router's candidates, best first; optional
	 * @param confidence the router's confidence in its best candidate, in [0, 1]
	 * @param latencyMillis how long the answer took; optional
	 */
	record OutcomeJson(String expected, String predicted, List<String> ranked, Double confidence, Long latencyMillis) {

		Evaluation.Result result(int index) {
			if (this.confidence == null) {
				throw new IllegalArgumentException("outcome " + index + " has no confidence");
			}
			try {
				return new Evaluation.Result(this.expected, this.predicted, this.ranked, this.confidence,
						(this.latencyMillis != null) ? this.latencyMillis : 0);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("outcome " + index + ": " + ex.getMessage(), ex);
			}
		}

	}

	/** The metrics of the outcomes. */
	@PostMapping("/metrics")
	Evaluation.Summary metrics(@RequestBody(required = false) OutcomesRequest request) {
		return Evaluation.summarise(outcomes(request));
	}

	/**
	 * The out-of-scope threshold with the best accuracy on these (validation) outcomes,
	 * and the metrics the router alone achieves with it.
	 */
	@PostMapping("/calibration")
	Evaluation.ThresholdChoice calibration(@RequestBody(required = false) OutcomesRequest request) {
		return Evaluation.calibrate(outcomes(request));
	}

	private static List<Evaluation.Result> outcomes(OutcomesRequest request) {
		if (request == null || request.outcomes() == null || request.outcomes().isEmpty()) {
			throw new IllegalArgumentException("send {\"outcomes\": [{\"expected\": \"<faq id> or null\", "
					+ "\"predicted\": \"<faq id>, document or null\", \"ranked\": [...], \"confidence\": 0.9, "
					+ "\"latencyMillis\": 12}, ...]}");
		}
		List<Evaluation.Result> results = new ArrayList<>(request.outcomes().size());
		for (OutcomeJson outcome : request.outcomes()) {
			if (outcome == null) {
				throw new IllegalArgumentException("outcome " + results.size() + " is null");
			}
			results.add(outcome.result(results.size()));
		}
		return results;
	}

}
