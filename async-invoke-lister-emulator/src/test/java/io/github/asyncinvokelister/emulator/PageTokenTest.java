package io.github.asyncinvokelister.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageTokenTest {
    private static final long FINGERPRINT = 1234;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 999, Integer.MAX_VALUE})
    void decodesWhatItEncodes(int cursor) {
        PageToken token = new PageToken(cursor, 7, 0x0123456789abcdefL);

        assertThat(PageToken.decode(token.encode(FINGERPRINT), FINGERPRINT)).contains(token);
    }

    @Test
    void everyTokenHoldsCharactersThatNeedPercentEncoding() {
        for (int cursor = 0; cursor < 200; cursor++) {
            assertThat(new PageToken(cursor, 0, cursor * 31L).encode(FINGERPRINT))
                    .startsWith("+/+/").endsWith("==").hasSize(32);
        }
    }

    @Test
    void theSamePositionAndQueryGiveTheSameToken() {
        assertThat(new PageToken(5, 0, 9).encode(FINGERPRINT)).isEqualTo(new PageToken(5, 0, 9).encode(FINGERPRINT))
                .isNotEqualTo(new PageToken(5, 1, 9).encode(FINGERPRINT));
    }

    @Test
    void rejectsAlteredTokensTokensForOtherDataAndNonCanonicalText() {
        String text = new PageToken(5, 0, 9).encode(FINGERPRINT);
        byte[] raw = Base64.getDecoder().decode(text);
        raw[6] ^= 1;

        assertThat(PageToken.decode(Base64.getEncoder().encodeToString(raw), FINGERPRINT)).isEmpty();
        assertThat(PageToken.decode(text, FINGERPRINT + 1)).isEmpty();
        assertThat(PageToken.decode(text.replace("==", ""), FINGERPRINT)).isEmpty();
        assertThat(PageToken.decode("", FINGERPRINT)).isEmpty();
        assertThat(PageToken.decode("%%%", FINGERPRINT)).isEmpty();
    }

    @Test
    void theVariantWrapsAround() {
        assertThat(new PageToken(1, 0xFFFF, 2).nextVariant()).isEqualTo(new PageToken(1, 0, 2));
    }
}
