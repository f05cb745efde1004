package org.wsdepends.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One format for every place a deployment message names. */
class SitesTest {

    @SuppressWarnings("unused")
    static class Target {
        String token;

        Target(String room, int history) {
        }

        void user(String token, Object audit) {
        }
    }

    @Test
    void namesFieldsParametersMethodsAndClasses() throws ReflectiveOperationException {
        assertThat(Sites.field(Target.class.getDeclaredField("token"))).isEqualTo("field " + Target.class.getName() + ".token");
        assertThat(Sites.parameter(Target.class.getDeclaredMethod("user", String.class, Object.class), 1))
                .isEqualTo("parameter audit of " + Target.class.getName() + "#user(String, Object)");
        assertThat(Sites.parameter(Target.class.getDeclaredConstructor(String.class, int.class), 0))
                .isEqualTo("parameter room of " + Target.class.getName() + "#Target(String, int)");
        assertThat(Sites.method(Target.class.getDeclaredMethod("user", String.class, Object.class)))
                .isEqualTo(Target.class.getName() + "#user");
        assertThat(Sites.type(Target.class)).isEqualTo("class " + Target.class.getName());
        assertThat(Sites.pkg(Target.class.getPackage())).isEqualTo("package org.wsdepends.core");
    }

    @Test
    void parametersWithoutCompiledNamesAreNamedByPositionAndType() throws NoSuchMethodException {
        // the JDK is compiled without -parameters, as a user's classes may be
        var indexOf = String.class.getMethod("indexOf", String.class, int.class);

        assertThat(indexOf.getParameters()[1].isNamePresent()).isFalse();
        assertThat(Sites.parameter(indexOf, 1)).isEqualTo("parameter 2 (int) of java.lang.String#indexOf(String, int)");
    }
}
