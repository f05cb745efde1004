package org.wsdepends.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HandshakeDataTest {

    private static HandshakeData query(String rawQuery) {
        return HandshakeData.of(rawQuery, null, null, null);
    }

    private static HandshakeData cookies(String... lines) {
        return HandshakeData.of(null, Map.of("Cookie", List.of(lines)), null, null);
    }

    @Test
    void queryValuesArePercentDecodedAsUtf8WithPlusAsSpace() {
        HandshakeData data = query("a=1&b=x%20y&c=a+b&d=%C3%A9t%C3%A9&e=%2B1%26%3D");

        assertThat(data.query("a")).containsExactly("1");
        assertThat(data.query("b")).containsExactly("x y");
        assertThat(data.query("c")).containsExactly("a b");
        assertThat(data.query("d")).containsExactly("été");
        assertThat(data.query("e")).containsExactly("+1&=");
    }

    @Test
    void queryNamesArePercentDecodedAndCaseSensitive() {
        HandshakeData data = query("item%2Dquery=1&na+me=2&Token=3");

        assertThat(data.query("item-query")).containsExactly("1");
        assertThat(data.query("na me")).containsExactly("2");
        assertThat(data.query("Token")).containsExactly("3");
        assertThat(data.query("token")).isEmpty();
    }

    @Test
    void repeatedQueryKeysKeepEveryValueInTheOrderSent() {
        HandshakeData data = query("tag=b&x=1&tag=a&tag=b");

        assertThat(data.query("tag")).containsExactly("b", "a", "b");
        assertThat(data.query("x")).containsExactly("1");
    }

    @Test
    void queryPairsWithoutValueOrWithEmptyPartsAreHandled() {
        HandshakeData data = query("&&flag&empty=&=v&a=b=c&");

        assertThat(data.query("flag")).containsExactly("");
        assertThat(data.query("empty")).containsExactly("");
        assertThat(data.query("")).containsExactly("v");
        assertThat(data.query("a")).containsExactly("b=c");
    }

    @Test
    void malformedEscapesAreKeptAsSent() {
        HandshakeData data = query("a=%zz&b=%&c=100%&ok=%41");

        assertThat(data.query("a")).containsExactly("%zz");
        assertThat(data.query("b")).containsExactly("%");
        assertThat(data.query("c")).containsExactly("100%");
        assertThat(data.query("ok")).containsExactly("A");
    }

    @Test
    void absentOrNullQueryGivesNoValues() {
        assertThat(query(null).query("a")).isEmpty();
        assertThat(query("").query("a")).isEmpty();
        assertThat(query("b=1").query("a")).isEmpty();
    }

    @Test
    void parseQueryKeepsTheOrderOfNames() {
        assertThat(HandshakeData.parseQuery("z=1&a=2&m=3&a=4").keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void headersAreCaseInsensitive() {
        HandshakeData data = HandshakeData.of(null, Map.of("X-Token", List.of("abc")), null, null);

        assertThat(data.header("x-token")).containsExactly("abc");
        assertThat(data.header("X-TOKEN")).containsExactly("abc");
        assertThat(data.headers().get("x-ToKeN")).containsExactly("abc");
        assertThat(data.header("x_token")).isEmpty();
        assertThat(data.header("other")).isEmpty();
    }

    @Test
    void headerNamesThatDifferOnlyInCaseAreMergedInOrder() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-A", List.of("1", "2"));
        headers.put("x-a", List.of("3"));

        HandshakeData data = HandshakeData.of(null, headers, null, null);

        assertThat(data.header("X-a")).containsExactly("1", "2", "3");
        assertThat(data.headers()).hasSize(1);
    }

    @Test
    void headersAreCopiedAndUnmodifiable() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        List<String> values = new ArrayList<>(List.of("1"));
        headers.put("X-A", values);

        HandshakeData data = HandshakeData.of(null, headers, null, null);
        values.add("2");
        headers.put("X-B", List.of("3"));

        assertThat(data.header("x-a")).containsExactly("1");
        assertThat(data.header("x-b")).isEmpty();
        assertThatThrownBy(() -> data.headers().put("X-C", List.of("4"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> data.header("x-a").add("5")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void cookiesAreParsedFromTheCookieHeader() {
        HandshakeData data = cookies("a=1; session=xyz;b=2");

        assertThat(data.cookie("a")).containsExactly("1");
        assertThat(data.cookie("session")).containsExactly("xyz");
        assertThat(data.cookie("b")).containsExactly("2");
        assertThat(data.cookie("c")).isEmpty();
    }

    @Test
    void cookieHeaderNameIsCaseInsensitiveButCookieNamesAreNot() {
        HandshakeData data = HandshakeData.of(null, Map.of("cookie", List.of("Session=1")), null, null);

        assertThat(data.cookie("Session")).containsExactly("1");
        assertThat(data.cookie("session")).isEmpty();
    }

    @Test
    void cookiesFromSeveralHeaderLinesAndRepeatedNamesKeepTheOrderSent() {
        HandshakeData data = cookies("a=1; b=2", "a=3");

        assertThat(data.cookie("a")).containsExactly("1", "3");
        assertThat(data.cookie("b")).containsExactly("2");
    }

    @Test
    void cookieValuesAreTrimmedAndUnquotedOnce() {
        HandshakeData data = cookies("  q = \"quoted\" ;dq=\"\"x\"\"; lone=\"; empty=; eq=a=b");

        assertThat(data.cookie("q")).containsExactly("quoted");
        assertThat(data.cookie("dq")).containsExactly("\"x\"");
        assertThat(data.cookie("lone")).containsExactly("\"");
        assertThat(data.cookie("empty")).containsExactly("");
        assertThat(data.cookie("eq")).containsExactly("a=b");
    }

    @Test
    void cookiePairsWithoutEqualsOrWithoutNameAreIgnored() {
        assertThat(HandshakeData.parseCookies(List.of("novalue; =anon; ok=1; ;")))
                .containsOnlyKeys("ok")
                .containsEntry("ok", List.of("1"));
    }

    @Test
    void cookieValuesAreNotPercentDecoded() {
        assertThat(cookies("c=a%20b").cookie("c")).containsExactly("a%20b");
    }

    @Test
    void noCookieHeaderGivesNoCookies() {
        assertThat(HandshakeData.of(null, null, null, null).cookie("a")).isEmpty();
    }

    @Test
    void pathParametersComeFromWithPathParametersAndTheOriginalIsUnchanged() {
        Principal alice = () -> "alice";
        HandshakeData original = HandshakeData.of("token=t", Map.of("X-A", List.of("1")), null, alice);

        HandshakeData withPath = original.withPathParameters(Map.of("room", "lobby"));

        assertThat(withPath.path("room")).isEqualTo("lobby");
        assertThat(withPath.path("other")).isNull();
        assertThat(withPath.query("token")).containsExactly("t");
        assertThat(withPath.header("x-a")).containsExactly("1");
        assertThat(withPath.principal()).isSameAs(alice);
        assertThat(original.path("room")).isNull();
        assertThat(original.withPathParameters(null).path("room")).isNull();
    }

    @Test
    void pathParametersGivenAtCreationAreCopied() {
        Map<String, String> path = new LinkedHashMap<>(Map.of("id", "7"));
        HandshakeData data = HandshakeData.of(null, null, path, null);
        path.put("id", "8");

        assertThat(data.path("id")).isEqualTo("7");
    }

    @Test
    void principalIsKeptAndMayBeNull() {
        Principal bob = () -> "bob";

        assertThat(HandshakeData.of(null, null, null, bob).principal().getName()).isEqualTo("bob");
        assertThat(HandshakeData.of(null, null, null, null).principal()).isNull();
    }

    @Test
    void theContainersIdentityIsThePrincipalWithTheRolesTheContainerGranted() {
        Principal carol = () -> "carol";

        HandshakeData data = HandshakeData.of(null, null, null, carol, Set.of("user"), null).withPathParameters(Map.of());

        assertThat(data.containerIdentity().name()).isEqualTo("carol");
        assertThat(data.containerIdentity().roles()).containsExactly("user");
        assertThat(data.containerIdentity().expiresAt()).isEmpty();
        assertThat(HandshakeData.of(null, null, null, null).containerIdentity()).isNull();
    }
}
