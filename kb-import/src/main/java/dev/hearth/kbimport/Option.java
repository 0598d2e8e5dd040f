package dev.hearth.kbimport;

/**
 * One option a command accepts.
 *
 * @param name the long name with its dashes, e.g. {@code --include}
 * @param valueName the placeholder shown in help for the option's value, or {@code null}
 * for a flag that takes no value
 * @param repeatable whether the option may be given more than once
 * @param help one line of help
 */
record Option(String name, String valueName, boolean repeatable, String help) {

	static Option flag(String name, String help) {
		return new Option(name, null, false, help);
	}

	static Option value(String name, String valueName, String help) {
		return new Option(name, valueName, false, help);
	}

	static Option repeatable(String name, String valueName, String help) {
		return new Option(name, valueName, true, help);
	}

	boolean takesValue() {
		return this.valueName != null;
	}

	/** How the option appears in help: {@code --include GLOB}. */
	String synopsis() {
		return takesValue() ? this.name + " " + this.valueName : this.name;
	}

}
