package org.wsdepends.examples.benchmark;

import java.util.Arrays;

/** A growable list of longs (latencies in nanoseconds), filled by one thread at a time. */
final class LongList {

    private long[] values = new long[1024];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    static long[] sortedUnion(Iterable<LongList> lists) {
        int total = 0;
        for (LongList list : lists) {
            total += list.size;
        }
        long[] all = new long[total];
        int at = 0;
        for (LongList list : lists) {
            System.arraycopy(list.values, 0, all, at, list.size);
            at += list.size;
        }
        Arrays.sort(all);
        return all;
    }
}
