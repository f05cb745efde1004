package org.wsdepends.examples.benchmark.app;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import javax.management.AttributeNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The answers of the load generator's control connection, free of any WebSocket API so that every server's
 * control endpoint ({@link Control}, and the Quarkus peer's) gives the same ones: the process's CPU time and
 * allocated bytes, the heap after a full GC, and how many {@link Db}s are open.
 */
public final class ServerStats {

    private static final long STABLE_BYTES = 64 * 1024;

    private ServerStats() {
    }

    /**
     * @param command {@code cpu}, {@code heap}, {@code allocated} or {@code dbs}
     * @return the answer, a number, or what was wrong with the command
     * @throws JMException          if the platform MBean server does not answer
     * @throws InterruptedException if interrupted while waiting for a GC
     */
    public static String answer(String command) throws JMException, InterruptedException {
        return switch (command) {
            case "cpu" -> Long.toString(cpuNanos());
            case "heap" -> Long.toString(heapAfterGc());
            case "allocated" -> Long.toString(allocatedBytes());
            case "dbs" -> Long.toString(Db.openCount());
            default -> "unknown command: " + command;
        };
    }

    /** Through the platform MBean server, which application servers let a deployment read. */
    private static long cpuNanos() throws JMException {
        return (Long) ManagementFactory.getPlatformMBeanServer()
                .getAttribute(new ObjectName("java.lang:type=OperatingSystem"), "ProcessCpuTime");
    }

    /**
     * Bytes allocated so far by all threads, also those that ended (HotSpot's per-thread counters, JDK 14+),
     * or by the live threads where the JVM has no total.
     */
    private static long allocatedBytes() throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName threading = new ObjectName("java.lang:type=Threading");
        try {
            return (Long) server.getAttribute(threading, "TotalThreadAllocatedBytes");
        } catch (AttributeNotFoundException olderJvm) {
            long[] ids = ManagementFactory.getThreadMXBean().getAllThreadIds();
            long[] bytes = (long[]) server.invoke(threading, "getThreadAllocatedBytes", new Object[] {ids},
                    new String[] {long[].class.getName()});
            long total = 0;
            for (long perThread : bytes) {
                total += Math.max(0, perThread);
            }
            return total;
        }
    }

    /** Full GCs until the used heap stops shrinking (at most 6), so that it counts what is retained. */
    private static long heapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int i = 0; i < 6; i++) {
            System.gc();
            Thread.sleep(50);
            used = memory.getHeapMemoryUsage().getUsed();
            if (previous - used < STABLE_BYTES) {
                break;
            }
            previous = used;
        }
        return used;
    }
}
