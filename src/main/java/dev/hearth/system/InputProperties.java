package dev.hearth.system;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code hearth.system.input}: how much a request may send before Hearth
 * reads it.
 *
 * @param maxBodySize the largest request body on the paths below; larger ones are refused
 * with 413 before any of it is parsed
 * @param limitedPaths path prefixes whose bodies are limited: the customer's widget API
 * and the agent API (the admin API takes documents and has its own limits)
 * @param maxNestingDepth the deepest nesting of JSON objects and arrays accepted
 */
@ConfigurationProperties("hearth.system.input")
record InputProperties(@DefaultValue("64KB") DataSize maxBodySize, @DefaultValue( {
		"/api/widget/", "/api/agent/" }) List<String> limitedPaths, @DefaultValue("64") int maxNestingDepth){
}
