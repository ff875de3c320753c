package io.github.integrityjdbc.capture;

/**
 * The type of a primitive bound value, kept in the value's slot as a marker while the value itself is kept as bits
 * (no box). The box is made only when the cold path reads the value.
 */
enum Primitive {
    INT {
        @Override
        Object box(long bits) {
            return (int) bits;
        }
    },
    LONG {
        @Override
        Object box(long bits) {
            return bits;
        }
    },
    DOUBLE {
        @Override
        Object box(long bits) {
            return Double.longBitsToDouble(bits);
        }
    },
    FLOAT {
        @Override
        Object box(long bits) {
            return Float.intBitsToFloat((int) bits);
        }
    },
    SHORT {
        @Override
        Object box(long bits) {
            return (short) bits;
        }
    },
    BYTE {
        @Override
        Object box(long bits) {
            return (byte) bits;
        }
    },
    BOOLEAN {
        @Override
        Object box(long bits) {
            return bits != 0;
        }
    };

    /** The value as the application bound it, boxed. */
    abstract Object box(long bits);

    /** True when the value needs 64 bits; the others fit in an int. */
    final boolean wide() {
        return this == LONG || this == DOUBLE;
    }
}
