package org.wsdepends.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PendingInjectionsTest {

    @SuppressWarnings("unused")
    static class Target {
        String token;
        String room;

        Target(String a, String b) {
        }

        void init(String a) {
        }
    }

    private final Field token;
    private final Field room;
    private final Constructor<?> constructor;
    private final Method init;

    PendingInjectionsTest() throws Exception {
        token = Target.class.getDeclaredField("token");
        room = Target.class.getDeclaredField("room");
        constructor = Target.class.getDeclaredConstructor(String.class, String.class);
        init = Target.class.getDeclaredMethod("init", String.class);
    }

    @AfterEach
    void nothingLeftBound() {
        assertThat(PendingInjections.lookup(token, PendingInjections.FIELD)).isSameAs(PendingInjections.none());
        assertThat(PendingInjections.isReleasing()).isFalse();
    }

    @Test
    void nothingIsBoundOutsideAFrame() {
        assertThat(PendingInjections.lookup(token, PendingInjections.FIELD)).isSameAs(PendingInjections.none());
        assertThat(PendingInjections.none()).isNotNull();
    }

    @Test
    void lookupMatchesMemberAndPosition() {
        try (PendingInjections.Frame frame = PendingInjections.bind(new Object[] {token, constructor, constructor, init},
                new int[] {PendingInjections.FIELD, 0, 1, 0}, new Object[] {"t", "c0", "c1", "i0"})) {

            assertThat(PendingInjections.lookup(token, PendingInjections.FIELD)).isEqualTo("t");
            assertThat(PendingInjections.lookup(constructor, 0)).isEqualTo("c0");
            assertThat(PendingInjections.lookup(constructor, 1)).isEqualTo("c1");
            assertThat(PendingInjections.lookup(init, 0)).isEqualTo("i0");
            assertThat(PendingInjections.lookup(token, 0)).isSameAs(PendingInjections.none());
            assertThat(PendingInjections.lookup(constructor, 2)).isSameAs(PendingInjections.none());
            assertThat(PendingInjections.lookup(room, PendingInjections.FIELD)).isSameAs(PendingInjections.none());
        }
    }

    @Test
    void membersAreComparedByEqualsNotIdentity() throws Exception {
        Field sameFieldOtherObject = Target.class.getDeclaredField("token");
        assertThat(sameFieldOtherObject).isNotSameAs(token);

        try (PendingInjections.Frame frame = PendingInjections.bind(new Object[] {token}, new int[] {PendingInjections.FIELD},
                new Object[] {"t"})) {
            assertThat(PendingInjections.lookup(sameFieldOtherObject, PendingInjections.FIELD)).isEqualTo("t");
        }
    }

    @Test
    void aBoundNullIsReturnedAsNullNotAsNone() {
        try (PendingInjections.Frame frame = PendingInjections.bind(new Object[] {token}, new int[] {PendingInjections.FIELD},
                new Object[] {null})) {
            assertThat(PendingInjections.lookup(token, PendingInjections.FIELD)).isNull();
        }
    }

    @Test
    void anInnerFrameHidesTheOuterOneUntilClosed() {
        try (PendingInjections.Frame outer = PendingInjections.bind(new Object[] {token, room},
                new int[] {PendingInjections.FIELD, PendingInjections.FIELD}, new Object[] {"outer-token", "outer-room"})) {
            try (PendingInjections.Frame inner = PendingInjections.bind(new Object[] {token}, new int[] {PendingInjections.FIELD},
                    new Object[] {"inner-token"})) {
                assertThat(PendingInjections.lookup(token, PendingInjections.FIELD)).isEqualTo("inner-token");
                assertThat(PendingInjections.lookup(room, PendingInjections.FIELD)).isSameAs(PendingInjections.none());
            }
            assertThat(PendingInjections.lookup(token, PendingInjections.FIELD)).isEqualTo("outer-token");
            assertThat(PendingInjections.lookup(room, PendingInjections.FIELD)).isEqualTo("outer-room");
        }
        assertThat(PendingInjections.lookup(room, PendingInjections.FIELD)).isSameAs(PendingInjections.none());
    }

    @Test
    void framesAreNotSeenByOtherThreads() throws Exception {
        try (PendingInjections.Frame frame = PendingInjections.bind(new Object[] {token}, new int[] {PendingInjections.FIELD},
                new Object[] {"mine"})) {
            Object seenElsewhere = CompletableFuture.supplyAsync(() -> PendingInjections.lookup(token, PendingInjections.FIELD))
                    .get(10, TimeUnit.SECONDS);

            assertThat(seenElsewhere).isSameAs(PendingInjections.none());
            assertThat(PendingInjections.lookup(token, PendingInjections.FIELD)).isEqualTo("mine");
        }
    }

    @Test
    void releasingIsSetOnlyDuringTheRelease() {
        List<Boolean> seen = new ArrayList<>();

        PendingInjections.releasing(() -> seen.add(PendingInjections.isReleasing()));

        assertThat(seen).containsExactly(true);
        assertThat(PendingInjections.isReleasing()).isFalse();
    }

    @Test
    void nestedReleasingKeepsTheFlagUntilTheOutermostEnds() {
        List<String> seen = new ArrayList<>();

        PendingInjections.releasing(() -> {
            PendingInjections.releasing(() -> seen.add("inner " + PendingInjections.isReleasing()));
            seen.add("after inner " + PendingInjections.isReleasing());
        });

        assertThat(seen).containsExactly("inner true", "after inner true");
        assertThat(PendingInjections.isReleasing()).isFalse();
    }

    @Test
    void releasingIsResetWhenTheReleaseThrows() {
        IllegalStateException failure = new IllegalStateException("release failed");

        assertThatThrownBy(() -> PendingInjections.releasing(() -> {
            throw failure;
        })).isSameAs(failure);

        assertThat(PendingInjections.isReleasing()).isFalse();
    }

    @Test
    void releasingIsPerThread() throws Exception {
        List<Boolean> seenElsewhere = new ArrayList<>();

        PendingInjections.releasing(() -> {
            try {
                seenElsewhere.add(CompletableFuture.supplyAsync(PendingInjections::isReleasing).get(10, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });

        assertThat(seenElsewhere).containsExactly(false);
    }
}
