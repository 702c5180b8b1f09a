package io.github.ipoanalyzer.job;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The settings table of operations.md lists every setting of the record, with the record's default. */
class SettingsDocumentedTest {

    @Test
    void theSettingsTableIsTheRecord() throws Exception {
        Map<String, String> record = new TreeMap<>();
        RecordComponent[] components = IpoSettings.class.getRecordComponents();
        Parameter[] parameters = IpoSettings.class.getDeclaredConstructor(Arrays.stream(components)
                .map(RecordComponent::getType).toArray(Class<?>[]::new)).getParameters();
        for (int i = 0; i < components.length; i++) {
            DefaultValue d = parameters[i].getAnnotation(DefaultValue.class);
            record.put("ipo." + components[i].getName().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT),
                    d == null ? "(unset)" : String.join(",", d.value()));
        }
        Map<String, String> documented = new TreeMap<>();
        String operations = Files.readString(Path.of("src/site/markdown/operations.md"));
        Matcher row = Pattern.compile("(?m)^\\| `(ipo\\.[a-z-]+)` \\| ([^|]+) \\|").matcher(operations);
        while (row.find()) {
            String value = row.group(2).trim();
            documented.put(row.group(1), value.startsWith("(") ? "(unset)" : value);
        }
        assertEquals(record, documented);
    }
}
