package dev.hearth.console.admin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import dev.hearth.escalation.BusinessHours;
import dev.hearth.escalation.EscalationDecision;
import dev.hearth.escalation.LlmPolicy;
import dev.hearth.escalation.Policy;
import dev.hearth.escalation.PolicyRule;
import dev.hearth.escalation.RuleKind;
import dev.hearth.privacy.PiiClass;

/**
 * The escalation policy as the console's form edits it: every rule's switch, action,
 * priority, phrases, data classes and limit; each approved LLM's switch, mode and the
 * personal data it may receive; the business hours; and a comment for the audit trail.
 * Lists are edited as one item per line. Mutable, for data binding; not thread-safe.
 */
public class PolicyForm {

	private List<RuleRow> rules = new ArrayList<>();

	private List<LlmRow> llms = new ArrayList<>();

	private boolean hoursEnabled;

	private String zone = "UTC";

	private String open = "";

	private String closedOn = "";

	private boolean requireAgentOnline;

	private String comment = "";

	static PolicyForm of(Policy policy) {
		PolicyForm form = new PolicyForm();
		for (PolicyRule rule : policy.rules()) {
			RuleRow row = new RuleRow();
			row.setId(rule.id());
			row.setKind(rule.kind());
			row.setEnabled(rule.enabled());
			row.setAction(rule.action());
			row.setPriority(rule.priority());
			row.setPhrases(String.join("\n", rule.phrases()));
			row.setDataClasses(new ArrayList<>(rule.dataClasses()));
			row.setLimit(rule.limit());
			form.rules.add(row);
		}
		for (LlmPolicy llm : policy.llms()) {
			LlmRow row = new LlmRow();
			row.setName(llm.name());
			row.setEnabled(llm.enabled());
			row.setMode(llm.mode());
			row.setMayReceive(new ArrayList<>(llm.mayReceive()));
			form.llms.add(row);
		}
		BusinessHours hours = policy.businessHours();
		form.hoursEnabled = hours.enabled();
		form.zone = hours.zone();
		form.open = String.join("\n", hours.open());
		form.closedOn = String.join("\n", hours.closedOn().stream().map(LocalDate::toString).toList());
		form.requireAgentOnline = hours.requireAgentOnline();
		return form;
	}

	/**
	 * The policy this form describes. Lists of data classes that hold the same classes as
	 * in {@code current} keep their order there, so that an unchanged rule is not
	 * recorded as changed.
	 * @throws IllegalArgumentException naming the rule, endpoint or field that is wrong
	 */
	Policy toPolicy(Policy current) {
		List<PolicyRule> policyRules = new ArrayList<>();
		for (RuleRow row : this.rules) {
			List<PiiClass> before = current.rule(row.getId()).map(PolicyRule::dataClasses).orElse(List.of());
			policyRules
				.add(new PolicyRule(row.getId(), row.getKind(), row.isEnabled(), row.getAction(), row.getPriority(),
						lines(row.getPhrases()), sameOrder(row.getDataClasses(), before), row.getLimit()));
		}
		List<LlmPolicy> policyLlms = new ArrayList<>();
		for (LlmRow row : this.llms) {
			List<PiiClass> before = current.llm(row.getName()).map(LlmPolicy::mayReceive).orElse(List.of());
			policyLlms.add(new LlmPolicy(row.getName(), row.isEnabled(), row.getMode(),
					sameOrder(row.getMayReceive(), before)));
		}
		List<LocalDate> closed = new ArrayList<>();
		for (String day : lines(this.closedOn)) {
			try {
				closed.add(LocalDate.parse(day));
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException(
						"business hours: closed days must be dates such as 2026-12-25, got '" + day + "'");
			}
		}
		return new Policy(policyRules,
				new BusinessHours(this.hoursEnabled, this.zone, lines(this.open), closed, this.requireAgentOnline),
				policyLlms);
	}

	private static List<PiiClass> sameOrder(List<PiiClass> chosen, List<PiiClass> before) {
		List<PiiClass> classes = (chosen != null) ? chosen : List.of();
		return new HashSet<>(classes).equals(new HashSet<>(before)) ? before : classes;
	}

	private static List<String> lines(String text) {
		return (text == null) ? List.of() : text.lines().map(String::strip).filter((l) -> !l.isEmpty()).toList();
	}

	public List<RuleRow> getRules() {
		return this.rules;
	}

	public void setRules(List<RuleRow> rules) {
		this.rules = rules;
	}

	public List<LlmRow> getLlms() {
		return this.llms;
	}

	public void setLlms(List<LlmRow> llms) {
		this.llms = llms;
	}

	public boolean isHoursEnabled() {
		return this.hoursEnabled;
	}

	public void setHoursEnabled(boolean hoursEnabled) {
		this.hoursEnabled = hoursEnabled;
	}

	public String getZone() {
		return this.zone;
	}

	public void setZone(String zone) {
		this.zone = zone;
	}

	public String getOpen() {
		return this.open;
	}

	public void setOpen(String open) {
		this.open = open;
	}

	public String getClosedOn() {
		return this.closedOn;
	}

	public void setClosedOn(String closedOn) {
		this.closedOn = closedOn;
	}

	public boolean isRequireAgentOnline() {
		return this.requireAgentOnline;
	}

	public void setRequireAgentOnline(boolean requireAgentOnline) {
		this.requireAgentOnline = requireAgentOnline;
	}

	public String getComment() {
		return this.comment;
	}

	public void setComment(String comment) {
		this.comment = comment;
	}

	/** One rule's row of the form. */
	public static class RuleRow {

		private String id;

		private RuleKind kind;

		private boolean enabled;

		private EscalationDecision.Action action;

		private int priority;

		private String phrases = "";

		private List<PiiClass> dataClasses = new ArrayList<>();

		private int limit;

		public String getId() {
			return this.id;
		}

		public void setId(String id) {
			this.id = id;
		}

		public RuleKind getKind() {
			return this.kind;
		}

		public void setKind(RuleKind kind) {
			this.kind = kind;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public EscalationDecision.Action getAction() {
			return this.action;
		}

		public void setAction(EscalationDecision.Action action) {
			this.action = action;
		}

		public int getPriority() {
			return this.priority;
		}

		public void setPriority(int priority) {
			this.priority = priority;
		}

		public String getPhrases() {
			return this.phrases;
		}

		public void setPhrases(String phrases) {
			this.phrases = phrases;
		}

		public List<PiiClass> getDataClasses() {
			return this.dataClasses;
		}

		public void setDataClasses(List<PiiClass> dataClasses) {
			this.dataClasses = dataClasses;
		}

		public int getLimit() {
			return this.limit;
		}

		public void setLimit(int limit) {
			this.limit = limit;
		}

		/** Whether this kind of rule uses phrases. */
		public boolean usesPhrases() {
			return this.kind == RuleKind.SENSITIVE_TOPIC;
		}

		/** Whether this kind of rule uses data classes. */
		public boolean usesDataClasses() {
			return this.kind == RuleKind.REGULATED_DATA;
		}

		/** Whether this kind of rule uses a limit. */
		public boolean usesLimit() {
			return this.kind == RuleKind.REPHRASING || this.kind == RuleKind.TURN_LIMIT
					|| this.kind == RuleKind.NEGATIVE_SENTIMENT;
		}

	}

	/** One approved LLM's row of the form. */
	public static class LlmRow {

		private String name;

		private boolean enabled;

		private LlmPolicy.Mode mode;

		private List<PiiClass> mayReceive = new ArrayList<>();

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public LlmPolicy.Mode getMode() {
			return this.mode;
		}

		public void setMode(LlmPolicy.Mode mode) {
			this.mode = mode;
		}

		public List<PiiClass> getMayReceive() {
			return this.mayReceive;
		}

		public void setMayReceive(List<PiiClass> mayReceive) {
			this.mayReceive = mayReceive;
		}

	}

}
