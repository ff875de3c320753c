package io.github.integrityjdbc.capture;

/**
 * The type of a primitive bound value, kept in the value's slot as a marker while the value itself is kept as bits
 * (no box): in the statement's one inline {@code long} (the slot holds the type's {@link Inline} marker) or in its
 * bits array (the slot holds the type itself). The box is made only when the cold path reads the value.
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

    /** The marker of a value of this type whose bits a statement keeps in its one inline {@code long}. */
    final Inline inline = new Inline(this);

    /** The value as the application bound it, boxed. */
    abstract Object box(long bits);

    /** The type a slot's marker stands for (either marker of a type), or null for anything else. */
    static Primitive of(Object marker) {
        return marker instanceof Primitive type ? type : marker instanceof Inline inline ? inline.type : null;
    }

    /** A {@link Primitive} whose bits are in the statement's inline {@code long} rather than in its bits array. */
    static final class Inline {
        final Primitive type;

        private Inline(Primitive type) {
            this.type = type;
        }
    }

    /** True when the value needs 64 bits; the others fit in an int. */
    final boolean wide() {
        return this == LONG || this == DOUBLE;
    }
}
