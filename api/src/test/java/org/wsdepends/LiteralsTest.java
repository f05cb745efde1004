package org.wsdepends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The literals equal the annotations the compiler writes, so CDI matches them as the same qualifiers. */
class LiteralsTest {

    @SuppressWarnings("unused")
    private @Query("q") @Header("x-h") @Cookie("c") @Path("p") @Depends(cached = false, scope = Scope.MESSAGE) String named;

    @SuppressWarnings("unused")
    private @Query @Header @Cookie @Path @Depends String defaults;

    @Test
    void namedLiteralsEqualTheDeclaredAnnotations() throws NoSuchFieldException {
        var field = LiteralsTest.class.getDeclaredField("named");
        assertThat(Query.Literal.of("q")).isEqualTo(field.getAnnotation(Query.class))
                .hasSameHashCodeAs(field.getAnnotation(Query.class));
        assertThat(Header.Literal.of("x-h")).isEqualTo(field.getAnnotation(Header.class));
        assertThat(Cookie.Literal.of("c")).isEqualTo(field.getAnnotation(Cookie.class));
        assertThat(Path.Literal.of("p")).isEqualTo(field.getAnnotation(Path.class));
        assertThat(Depends.Literal.of(false, Scope.MESSAGE, void.class)).isEqualTo(field.getAnnotation(Depends.class));
        assertThat(Query.Literal.of("other")).isNotEqualTo(field.getAnnotation(Query.class));
    }

    @Test
    void instancesCarryTheDefaults() throws NoSuchFieldException {
        var field = LiteralsTest.class.getDeclaredField("defaults");
        assertThat(Query.Literal.INSTANCE).isEqualTo(field.getAnnotation(Query.class));
        assertThat(Header.Literal.INSTANCE).isEqualTo(field.getAnnotation(Header.class));
        assertThat(Cookie.Literal.INSTANCE).isEqualTo(field.getAnnotation(Cookie.class));
        assertThat(Path.Literal.INSTANCE).isEqualTo(field.getAnnotation(Path.class));
        assertThat(Depends.Literal.INSTANCE).isEqualTo(field.getAnnotation(Depends.class));
        assertThat(Query.Literal.INSTANCE.annotationType()).isEqualTo(Query.class);
    }

    @Test
    void aNullNameIsRefused() {
        assertThatThrownBy(() -> Query.Literal.of(null)).isInstanceOf(NullPointerException.class).hasMessage("value");
    }
}
