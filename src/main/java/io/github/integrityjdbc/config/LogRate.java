package io.github.integrityjdbc.config;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How many full WARN lines one kind of violation may write per interval ({@code integrity.log.rate}): written
 * {@code <lines>/<interval>}, the interval a whole number with a unit {@code ms}, {@code s}, {@code m} or {@code h}
 * ({@code 10/1m}, {@code 100/30s}), or {@code unlimited}. Immutable.
 *
 * @param lines the full lines per interval and kind of violation; {@link Integer#MAX_VALUE} when unlimited
 * @param intervalNanos the interval's length in nanoseconds
 * @param text the setting as written, normalised (for the summary line)
 */
public record LogRate(int lines, long intervalNanos, String text) {

    /** Every violation is logged in full. */
    public static final LogRate UNLIMITED = new LogRate(Integer.MAX_VALUE, TimeUnit.MINUTES.toNanos(1), "unlimited");

    /** What a valid setting looks like, for the message of an invalid one. */
    static final String EXPECTED = "<lines>/<interval> with lines at least 1 and an interval such as 500ms, 30s, 1m"
            + " or 1h (e.g. 10/1m), or unlimited";

    /** True when no violation is ever suppressed. */
    public boolean unlimited() {
        return lines == Integer.MAX_VALUE;
    }

    /**
     * Reads a setting.
     *
     * @throws IllegalArgumentException when {@code value} is not of the form {@link #EXPECTED} describes
     */
    public static LogRate parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("unlimited")) {
            return UNLIMITED;
        }
        int slash = v.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("no '/'");
        }
        int lines = wholeNumber(v.substring(0, slash).trim());
        String interval = v.substring(slash + 1).trim();
        int unitStart = 0;
        while (unitStart < interval.length() && Character.isDigit(interval.charAt(unitStart))) {
            unitStart++;
        }
        long amount = wholeNumber(interval.substring(0, unitStart));
        TimeUnit unit = unit(interval.substring(unitStart));
        long nanos = unit.toNanos(amount);
        if (lines < 1 || amount < 1 || nanos == Long.MAX_VALUE) {
            throw new IllegalArgumentException("out of range");
        }
        return new LogRate(lines, nanos, lines + "/" + amount + interval.substring(unitStart));
    }

    private static int wholeNumber(String digits) {
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not a whole number: " + digits);
        }
        return Integer.parseInt(digits);
    }

    private static TimeUnit unit(String unit) {
        switch (unit) {
            case "ms":
                return TimeUnit.MILLISECONDS;
            case "s":
                return TimeUnit.SECONDS;
            case "m":
                return TimeUnit.MINUTES;
            case "h":
                return TimeUnit.HOURS;
            default:
                throw new IllegalArgumentException("unknown unit: " + unit);
        }
    }
}
