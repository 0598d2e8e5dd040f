package dev.hearth.console;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.hearth.conversation.ConversationSearch;
import dev.hearth.identity.SignedInUser;
import dev.hearth.privacy.Masking;

/** Full-text search over past conversations. */
@Controller
class SearchController {

	private final ConversationSearch search;

	private final Masking masking;

	SearchController(ConversationSearch search, Masking masking) {
		this.search = search;
		this.masking = masking;
	}

	@GetMapping("/console/search")
	String search(@RequestParam(defaultValue = "") String q, Authentication user, Model model) {
		SignedInUser me = SignedInUser.of(user);
		String words = q.strip();
		model.addAttribute("q", words);
		if (words.length() >= 2) {
			model.addAttribute("hits", this.search.search(words, me.supervisor() ? null : me.username(),
					this.masking.forRoles(me.roles().stream().map(Enum::name).toList())));
		}
		else if (!words.isEmpty()) {
			model.addAttribute("tooShort", true);
		}
		return "console/search";
	}

}
