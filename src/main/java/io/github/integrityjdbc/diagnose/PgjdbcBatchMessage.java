package io.github.integrityjdbc.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * pgjdbc's batch message, {@code Batch entry {0} {1} was aborted: {2}  Call getNextException to see other errors in
 * the batch.}: the entry's number, its SQL with the values inlined, the server's message. It is pgjdbc's own text,
 * which pgjdbc translates with its resource bundles for the JVM's display locale (42.7 ships Japanese, Korean and
 * Russian translations of it), not the server. It is read by the templates pgjdbc formats it with, the English one
 * and the JVM locale's, never by guessing words; a message no template fits yields nothing.
 */
final class PgjdbcBatchMessage {

    static final String TEMPLATE = "Batch entry {0} {1} was aborted: {2}  Call getNextException to see other errors"
            + " in the batch.";
    private static final String BUNDLE = "org.postgresql.translation.messages";

    /** The literal parts of each template: before {0}, between {0} and {1}, between {1} and {2}, after {2}. */
    private static final ClassValue<List<String[]>> TEMPLATES = new ClassValue<>() {
        @Override
        protected List<String[]> computeValue(Class<?> type) {
            List<String[]> templates = new ArrayList<>();
            templates.add(parts(TEMPLATE));
            try {
                String translated = ResourceBundle.getBundle(BUNDLE, Locale.getDefault(Locale.Category.DISPLAY),
                        type.getClassLoader()).getString(TEMPLATE);
                String[] parts = parts(translated);
                if (parts != null && !translated.equals(TEMPLATE)) {
                    templates.add(parts);
                }
            } catch (RuntimeException e) { // MissingResourceException among them
                // no translation: pgjdbc writes the English text
            }
            return List.copyOf(templates);
        }
    };

    /**
     * @param entry the 0-based entry pgjdbc names
     * @param sqlStart where the entry's SQL starts in the message
     * @param sqlEnd where it ends
     * @param knownEnd whether the text after the server's message is the template's, which shows no value
     */
    record Reading(int entry, int sqlStart, int sqlEnd, boolean knownEnd) {
    }

    private PgjdbcBatchMessage() {
    }

    /**
     * Reads {@code message}, pgjdbc's batch failure (of class {@code type}) that shows the server's message at
     * [from, to); null when no template fits.
     */
    static Reading read(Class<?> type, String message, int from, int to) {
        for (String[] parts : TEMPLATES.get(type)) {
            int numberEnd = message.indexOf(parts[1], parts[0].length());
            int sqlEnd = from - parts[2].length();
            if (!message.startsWith(parts[0]) || numberEnd <= parts[0].length() || sqlEnd < numberEnd
                    || !message.startsWith(parts[2], sqlEnd)) {
                continue;
            }
            // MessageFormat groups digits by the JVM's locale (1,234 or 1.234)
            String number = message.substring(parts[0].length(), numberEnd);
            String digits = number.replaceAll("[^0-9]", "");
            if (digits.isEmpty() || digits.length() > 9 || number.chars().anyMatch(Character::isLetter)) {
                continue;
            }
            return new Reading(Integer.parseInt(digits), numberEnd + parts[1].length(), sqlEnd,
                    message.substring(to).equals(parts[3]));
        }
        return null;
    }

    /** The template's literal parts, MessageFormat's quoting undone; null when its placeholders are not 0, 1, 2. */
    private static String[] parts(String template) {
        int[] at = {template.indexOf("{0}"), template.indexOf("{1}"), template.indexOf("{2}")};
        if (at[0] < 0 || at[1] < at[0] || at[2] < at[1]) {
            return null;
        }
        return new String[] {literal(template.substring(0, at[0])), literal(template.substring(at[0] + 3, at[1])),
            literal(template.substring(at[1] + 3, at[2])), literal(template.substring(at[2] + 3))};
    }

    private static String literal(String part) {
        return part.replace("''", "'");
    }
}
