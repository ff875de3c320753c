package io.github.integrityjdbc.driver;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites {@code jdbc:integrity:<rest>} to the delegate's {@code jdbc:<rest>}, and gives the forms of a URL that
 * may be shown: with passwords masked, and as a short data source name without credentials or properties.
 */
public final class DelegateUrl {

    /** The prefix of every URL this driver accepts. */
    public static final String PREFIX = "jdbc:integrity:";

    private static final String MASK = "****";
    /** {@code //user:secret@host}: the part between the colon and the last at sign (a password may hold one). */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/?#@:;]*:)([^/?#]*)@");
    /** Oracle's {@code thin:user/secret@host}: the part between the slash and the at sign. */
    private static final Pattern SLASH_USER_INFO = Pattern.compile("(:[^:/@;?&=\\s]+/)([^/@]*)@");
    /** {@code password=secret} in a query string, H2/Derby {@code ;PASSWORD=secret}, or a property list. */
    private static final Pattern PASSWORD_PARAM = Pattern.compile(
            "(?i)((?:password|passwd|pwd|secret|token|apikey|api_key)[a-z0-9_]*\\s*=\\s*)([^&;,)\\s]*)");

    private DelegateUrl() {
    }

    /** True for a non-null URL that starts with {@code jdbc:integrity:} and names something after it. */
    public static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX) && url.length() > PREFIX.length();
    }

    /** The delegate URL: {@code jdbc:} followed by what comes after {@code jdbc:integrity:}. */
    public static String delegate(String url) {
        return "jdbc:" + url.substring(PREFIX.length());
    }

    /**
     * A delegate URL without its {@code integrity.*} parameters, and those parameters as settings: from a query
     * string ({@code ?integrity.mask=email&ssl=true}, values URL-decoded) or from {@code ;key=value} properties (H2,
     * Derby, HSQLDB, SQL Server). The real driver never sees them.
     *
     * @param url the delegate URL with its own parameters only
     * @param settings the {@code integrity.*} parameters, in the order written
     */
    public record Settings(String url, java.util.Map<String, String> settings) {
    }

    /** Splits the {@code integrity.*} parameters off a delegate URL. */
    public static Settings settings(String delegateUrl) {
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
        int query = delegateUrl.indexOf('?');
        String url = delegateUrl;
        if (query >= 0) {
            StringBuilder kept = new StringBuilder();
            for (String parameter : delegateUrl.substring(query + 1).split("&", -1)) {
                if (isSetting(parameter)) {
                    int eq = parameter.indexOf('=');
                    settings.put(decode(parameter.substring(0, eq)), decode(parameter.substring(eq + 1)));
                } else {
                    kept.append(kept.length() == 0 ? "" : "&").append(parameter);
                }
            }
            url = delegateUrl.substring(0, query) + (kept.length() == 0 ? "" : "?" + kept);
        }
        int semicolon = url.indexOf(';');
        if (semicolon >= 0) {
            StringBuilder kept = new StringBuilder(url.substring(0, semicolon));
            for (String property : url.substring(semicolon + 1).split(";", -1)) {
                if (isSetting(property)) {
                    int eq = property.indexOf('=');
                    settings.put(property.substring(0, eq).trim(), property.substring(eq + 1));
                } else {
                    kept.append(';').append(property);
                }
            }
            url = kept.toString();
        }
        return new Settings(url, settings);
    }

    private static boolean isSetting(String parameter) {
        return parameter.regionMatches(true, 0, "integrity.", 0, "integrity.".length()) && parameter.indexOf('=') > 0;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a stray % is taken as written
        }
    }

    /** The URL with every password-like value replaced by {@code ****}; safe for messages and logs. */
    public static String masked(String url) {
        if (url == null) {
            return null;
        }
        String masked = USER_INFO.matcher(url).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
        masked = SLASH_USER_INFO.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
        return PASSWORD_PARAM.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }

    /**
     * The password-like values written in a URL, in the places {@link #masked} masks: the user information's
     * password ({@code //user:secret@}, Oracle's {@code user/secret@}) and the values of password-like parameters
     * ({@code password=secret}, {@code ;PASSWORD=secret}), each also URL-decoded where that differs (a driver may
     * repeat either form). Empty values are left out.
     */
    public static Set<String> passwords(String url) {
        Set<String> passwords = new LinkedHashSet<>();
        if (url == null) {
            return passwords;
        }
        for (Pattern pattern : new Pattern[] {USER_INFO, SLASH_USER_INFO, PASSWORD_PARAM}) {
            Matcher matcher = pattern.matcher(url);
            while (matcher.find()) {
                String value = matcher.group(2);
                if (!value.isEmpty()) {
                    passwords.add(value);
                    try {
                        String decoded = URLDecoder.decode(value, StandardCharsets.UTF_8);
                        if (!decoded.isEmpty()) {
                            passwords.add(decoded);
                        }
                    } catch (IllegalArgumentException e) {
                        // not URL-encoded: the raw form is the only one
                    }
                }
            }
        }
        return passwords;
    }

    /**
     * A short name for the data source, used as the default {@code integrity.name}: the delegate URL without
     * {@code jdbc:}, user information, query string and {@code ;key=value} properties.
     */
    public static String dataSourceName(String delegateUrl) {
        String name = delegateUrl.startsWith("jdbc:") ? delegateUrl.substring(5) : delegateUrl;
        name = name.replaceAll("//[^/?#]*@", "//");
        name = SLASH_USER_INFO.matcher(name).replaceAll(":");
        int end = name.length();
        for (char c : new char[] {'?', ';', '&'}) {
            int at = name.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        name = name.substring(0, end);
        return name.length() > 120 ? name.substring(0, 120) : name;
    }
}
