package org.wsdepends.extension;

import java.util.List;

import org.wsdepends.core.Messages;

/**
 * Every problem wsdepends found in a deployment, reported together. Each has its id
 * ({@code WSD-NNNN}), names the class and member and says how to fix it.
 */
public final class DeploymentProblems extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The problems, one sentence each. */
    private final List<String> problems;

    DeploymentProblems(List<String> problems) {
        super(Messages.deploymentFailed(problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    /**
     * The problems, one sentence each.
     *
     * @return an immutable list
     */
    public List<String> problems() {
        return problems;
    }
}
