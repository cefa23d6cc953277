package org.ipop.matching.engine;

import java.util.Arrays;

/**
 * A growable list of ints, or of int pairs, without boxing: the postings lists of the corpus and of the enterprise
 * index while they are built. The second array exists only once a pair is added (a list of enterprises having a term
 * needs no second value, and there are millions of such entries in a national run).
 */
final class IntPairs {
    private int[] firsts = new int[4];
    private int[] seconds;
    private int size;

    void add(int first) {
        if (size == firsts.length) {
            grow();
        }
        firsts[size++] = first;
    }

    void add(int first, int second) {
        if (seconds == null) {
            seconds = new int[firsts.length];
        }
        if (size == firsts.length) {
            grow();
        }
        firsts[size] = first;
        seconds[size] = second;
        size++;
    }

    /** Adds a value unless it was the last one added (a patent with two codes of one subclass). */
    void addOnce(int first) {
        if (size == 0 || firsts[size - 1] != first) {
            add(first);
        }
    }

    private void grow() {
        firsts = Arrays.copyOf(firsts, size * 2);
        if (seconds != null) {
            seconds = Arrays.copyOf(seconds, size * 2);
        }
    }

    int size() {
        return size;
    }

    int[] firsts() {
        return Arrays.copyOf(firsts, size);
    }

    /** The second values, 0 where only a first was added. */
    int[] seconds() {
        return seconds == null ? new int[size] : Arrays.copyOf(seconds, size);
    }
}
