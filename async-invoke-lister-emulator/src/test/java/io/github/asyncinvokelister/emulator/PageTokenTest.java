package io.github.asyncinvokelister.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PageTokenTest {
    private static final long FINGERPRINT = 1234;
    private static final PageToken.Position SOME = PageToken.Position.of(Instant.parse("2025-03-01T12:00:00.123Z"), 5);

    static List<PageToken.Position> positions() {
        return List.of(PageToken.Position.FIRST, PageToken.Position.LAST, SOME,
                PageToken.Position.of(Instant.MIN, 0), PageToken.Position.of(Instant.MAX, Long.MAX_VALUE - 1),
                PageToken.Position.of(Instant.EPOCH, EmulatorState.STARTED_ORDINALS + 3));
    }

    @ParameterizedTest
    @MethodSource("positions")
    void decodesWhatItEncodes(PageToken.Position position) {
        PageToken token = new PageToken(position, 7, 0x0123456789abcdefL);

        assertThat(PageToken.decode(token.encode(FINGERPRINT), FINGERPRINT)).contains(token);
    }

    @Test
    void everyTokenHoldsCharactersThatNeedPercentEncoding() {
        for (int ordinal = 0; ordinal < 200; ordinal++) {
            PageToken.Position position = PageToken.Position.of(Instant.ofEpochMilli(ordinal * 7919L), ordinal);
            assertThat(new PageToken(position, 0, ordinal * 31L).encode(FINGERPRINT))
                    .startsWith("+/+/").endsWith("==").hasSize(56);
        }
    }

    @Test
    void theSamePositionAndQueryGiveTheSameToken() {
        assertThat(new PageToken(SOME, 0, 9).encode(FINGERPRINT)).isEqualTo(new PageToken(SOME, 0, 9)
                .encode(FINGERPRINT)).isNotEqualTo(new PageToken(SOME, 1, 9).encode(FINGERPRINT));
    }

    @Test
    void rejectsAlteredTokensTokensForOtherDataAndNonCanonicalText() {
        String text = new PageToken(SOME, 0, 9).encode(FINGERPRINT);
        for (int i = 0; i < 40; i++) {
            byte[] raw = Base64.getDecoder().decode(text);
            raw[i] ^= 1;
            assertThat(PageToken.decode(Base64.getEncoder().encodeToString(raw), FINGERPRINT)).as("byte %d", i)
                    .isEmpty();
        }
        assertThat(PageToken.decode(text, FINGERPRINT + 1)).isEmpty();
        assertThat(PageToken.decode(text.replace("==", ""), FINGERPRINT)).isEmpty();
        assertThat(PageToken.decode("", FINGERPRINT)).isEmpty();
        assertThat(PageToken.decode("%%%", FINGERPRINT)).isEmpty();
    }

    @Test
    void positionsSortBySubmitTimeThenOrdinalBetweenFirstAndLast() {
        PageToken.Position earlier = PageToken.Position.of(Instant.parse("2025-03-01T12:00:00.122Z"), 9);
        PageToken.Position sameTimeLaterOrdinal = PageToken.Position.of(Instant.parse("2025-03-01T12:00:00.123Z"), 6);

        assertThat(List.of(PageToken.Position.LAST, sameTimeLaterOrdinal, SOME, PageToken.Position.FIRST, earlier)
                .stream().sorted().toList())
                .containsExactly(PageToken.Position.FIRST, earlier, SOME, sameTimeLaterOrdinal,
                        PageToken.Position.LAST);
    }

    @Test
    void theVariantWrapsAround() {
        assertThat(new PageToken(SOME, 0xFFFF, 2).nextVariant()).isEqualTo(new PageToken(SOME, 0, 2));
    }
}
