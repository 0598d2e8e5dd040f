/**
 * The embeddable chat widget's server side: the sites that may embed it (site keys with
 * allowed origins and a theme, {@code hearth.widget.*}), CORS per site key and rate
 * limits on the widget API, the widget's own page with a strict Content-Security-Policy,
 * and the demo home page of the sample company.
 * <p>
 * The widget itself is plain JavaScript and CSS in {@code ui/src}, copied by the build to
 * {@code /widget/}; the conversation endpoints it calls ({@code /api/widget/**}) belong
 * to the {@code conversation} module. See docs/widget.md and docs/adr/0004.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Widget")
package dev.hearth.widget;
