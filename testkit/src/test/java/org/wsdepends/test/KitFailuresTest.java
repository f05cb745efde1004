package org.wsdepends.test;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.wsdepends.test.samples.FailingSamples;

/** What a test class sees when the kit is misused or an expectation is wrong. */
class KitFailuresTest {

    @Test
    void anOverrideOfATypeNobodyProducesFailsTheClassNamingTheType() {
        run(FailingSamples.UnproducedOverride.class).containerEvents().assertThatEvents().haveExactly(1,
                event(container(FailingSamples.UnproducedOverride.class), finishedWithFailure(message(text -> text.contains(
                        "Cannot override " + FailingSamples.Nothing.class.getName() + ": no @Produces @Depends producer")))));
    }

    @Test
    void overridesOfTheWrongShapeFailTheClassNamingEachMember() {
        String type = FailingSamples.MisshapenOverrides.class.getName();
        run(FailingSamples.MisshapenOverrides.class).containerEvents().assertThatEvents().haveExactly(1,
                event(container(FailingSamples.MisshapenOverrides.class), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class),
                        message(text -> text.contains(type + "#user: a @DependencyOverride must be static")
                                && text.contains(type + "#user: a @DependencyOverride method must either take no "
                                + "parameters and return the replacement")))));
    }

    @Test
    void aWrongExpectationFailsTheTestWithWhatArrived() {
        run(FailingSamples.WrongExpectation.class).testEvents().assertThatEvents().haveExactly(1,
                event(test("expectsTheWrongWelcome"), finishedWithFailure(instanceOf(AssertionError.class),
                        message(text -> text.startsWith("expected the text \"welcome bob\" but got Text[text=welcome ann]")
                                && text.endsWith("; received: [Text[text=welcome ann]]")))));
    }

    private static EngineExecutionResults run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
    }
}
