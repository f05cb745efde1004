package org.wsdepends.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Something with inputs that wsdepends resolves: an endpoint's connection-time injection points, a
 * handler method's parameters or a producer's parameters. Built once at deployment; immutable.
 */
public final class Dependant {

    /** A dependant with no inputs. */
    public static final Dependant NONE = new Dependant(List.of());

    private final List<Input> inputs;
    private final int[] resolutionOrder;

    /**
     * @param inputs the inputs in declaration order (the order of the values {@link Resolution}
     *               returns)
     */
    public Dependant(List<Input> inputs) {
        this.inputs = List.copyOf(inputs);
        this.resolutionOrder = resolutionOrder(this.inputs);
    }

    /** @return the inputs in declaration order */
    public List<Input> inputs() {
        return inputs;
    }

    /** @return whether there is nothing to resolve */
    public boolean isEmpty() {
        return inputs.isEmpty();
    }

    int[] resolutionOrder() {
        return resolutionOrder;
    }

    /**
     * FastAPI's order: sub-dependencies, credentials and the identity (FastAPI's security schemes are
     * dependencies) first, in declaration order, then the dependant's own handshake values by source (path, query,
     * header, cookie). Setup order and error order follow it.
     */
    private static int[] resolutionOrder(List<Input> inputs) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (!(inputs.get(i) instanceof Input.Param)) {
                order.add(i);
            }
        }
        List<Integer> params = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) instanceof Input.Param) {
                params.add(i);
            }
        }
        params.sort(Comparator.comparing(i -> ((Input.Param) inputs.get(i)).param().source()));
        order.addAll(params);
        return order.stream().mapToInt(Integer::intValue).toArray();
    }
}
