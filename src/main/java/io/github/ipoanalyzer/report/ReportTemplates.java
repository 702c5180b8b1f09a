package io.github.ipoanalyzer.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.github.ipoanalyzer.text.InvisibleCharacters;
import org.apache.commons.text.StringEscapeUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The report's HTML pages are Mustache templates in {@code templates/} on the class path
 * ({@code index.html.mustache}; a template may include another, {@code {{> name}}}). They hold
 * no logic: every value is text that the page's class formatted, escaped here by the one rule of
 * the report's pages ({@link #html}). A template is compiled the first time it is used, so a
 * launch with nothing to publish never loads one.
 */
final class ReportTemplates {

    private static final String FOLDER = "templates/";
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .withEscaper(ReportTemplates::html)
            .withLoader(ReportTemplates::reader);
    private static final Map<String, Template> COMPILED = new ConcurrentHashMap<>();

    private ReportTemplates() {
    }

    /** {@code name}'s template ({@code templates/<name>.mustache}) filled from {@code model}'s accessors. */
    static String render(String name, Object model) {
        return COMPILED.computeIfAbsent(name, n -> {
            try (Reader template = reader(n)) {
                return COMPILER.compile(template);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the template " + n, e);
            }
        }).execute(model);
    }

    /** Text as HTML: escaped, and without characters that hide or reorder it ({@link InvisibleCharacters}). */
    static String html(String text) {
        return StringEscapeUtils.escapeHtml4(InvisibleCharacters.removed(text));
    }

    private static Reader reader(String name) throws IOException {
        InputStream in = ReportTemplates.class.getClassLoader().getResourceAsStream(FOLDER + name + ".mustache");
        if (in == null) {
            throw new IOException("no template " + FOLDER + name + ".mustache on the class path");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
