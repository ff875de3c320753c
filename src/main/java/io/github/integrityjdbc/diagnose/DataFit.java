package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.diagnose.SchemaCache.ColumnInfo;

import java.math.BigDecimal;
import java.sql.Types;
import java.util.Locale;

/** Whether a written value fits its column, for data errors that do not name the column. */
final class DataFit {

    private DataFit() {
    }

    static boolean doesNotFit(ViolationKind kind, String columnType, ColumnInfo column, Object value) {
        if (kind == ViolationKind.VALUE_TOO_LONG) {
            return tooLong(columnType, column, value);
        }
        return kind == ViolationKind.OUT_OF_RANGE && outOfRange(columnType, column, value);
    }

    private static boolean tooLong(String reportedType, ColumnInfo column, Object value) {
        if (column.size() <= 0 || reportedType != null && !reportedType.endsWith("(" + column.size() + ")")) {
            return false;
        }
        if (value instanceof CharSequence && isText(column.type())) {
            return ((CharSequence) value).length() > column.size();
        }
        return value instanceof byte[] && isBinary(column.type()) && ((byte[]) value).length > column.size();
    }

    private static boolean outOfRange(String reportedType, ColumnInfo column, Object value) {
        BigDecimal number = number(value);
        if (number == null) {
            return false;
        }
        long min;
        long max;
        String typeName;
        switch (column.type()) {
            case Types.TINYINT:
                min = Byte.MIN_VALUE;
                max = Byte.MAX_VALUE;
                typeName = "tinyint";
                break;
            case Types.SMALLINT:
                min = Short.MIN_VALUE;
                max = Short.MAX_VALUE;
                typeName = "smallint";
                break;
            case Types.INTEGER:
                min = Integer.MIN_VALUE;
                max = Integer.MAX_VALUE;
                typeName = "integer";
                break;
            case Types.BIGINT:
                min = Long.MIN_VALUE;
                max = Long.MAX_VALUE;
                typeName = "bigint";
                break;
            default:
                return false;
        }
        if (reportedType != null && !reportedType.toLowerCase(Locale.ROOT).equals(typeName)) {
            return false;
        }
        return number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0;
    }

    private static BigDecimal number(Object value) {
        try {
            if (value instanceof BigDecimal) {
                return (BigDecimal) value;
            }
            if (value instanceof Number || value instanceof CharSequence) {
                return new BigDecimal(value.toString().trim());
            }
        } catch (NumberFormatException e) {
            // not a number
        }
        return null;
    }

    private static boolean isText(int type) {
        return type == Types.CHAR || type == Types.VARCHAR || type == Types.LONGVARCHAR || type == Types.NCHAR
                || type == Types.NVARCHAR || type == Types.LONGNVARCHAR;
    }

    private static boolean isBinary(int type) {
        return type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY;
    }
}
