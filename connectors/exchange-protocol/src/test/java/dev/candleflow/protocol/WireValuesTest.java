package dev.candleflow.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.protocol.WireValues.TimeFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WireValuesTest {

    @ParameterizedTest
    @CsvSource({
        "1652459224818, EPOCH_MILLIS, 1652459224818000",
        "1606292218213.4578, EPOCH_MILLIS, 1606292218213457",
        "1641343699596000, EPOCH_MICROS, 1641343699596000",
        "1641343699, EPOCH_SECONDS, 1641343699000000",
        "1.6413436995E9, EPOCH_SECONDS, 1641343699500000",
        "2021-04-17T16:43:37.121358Z, RFC3339, 1618677817121358",
        "2021-04-17T18:43:37.121358+02:00, RFC3339, 1618677817121358",
        "2023-09-25T07:48:36.925533123Z, RFC3339, 1695628116925533",
    })
    void convertsVenueTimesExactlyToMicros(String raw, TimeFormat format, long micros) {
        assertThat(WireValues.epochMicros(raw, format)).isEqualTo(micros);
    }

    @ParameterizedTest
    @CsvSource({
        "NaN, EPOCH_MILLIS",
        "1e999999999, EPOCH_MILLIS",
        "1e-999999999, EPOCH_MILLIS",
        "99999999999999999999, EPOCH_MICROS",
        "'', EPOCH_MILLIS",
        "2021-02-30T00:00:00Z, RFC3339",
        "2021-04-17 16:43:37Z, RFC3339",
        "+1000000000-01-01T00:00:00Z, RFC3339",
    })
    void rejectsTimesThatAreNoTimes(String raw, TimeFormat format) {
        assertThat(WireValues.epochMicros(raw, format)).isEqualTo(WireValues.INVALID_TIME);
    }

    @Test
    void acceptsOnlyTimesBetweenBitcoinAndADayAfterReceipt() {
        long received = 1_704_067_200_000_000L;
        assertThat(WireValues.plausibleTime(WireValues.MIN_EVENT_TIME_MICROS, received)).isTrue();
        assertThat(WireValues.plausibleTime(WireValues.MIN_EVENT_TIME_MICROS - 1, received))
                .isFalse();
        assertThat(WireValues.plausibleTime(received + 86_400_000_000L, received)).isTrue();
        assertThat(WireValues.plausibleTime(received + 86_400_000_001L, received)).isFalse();
        assertThat(WireValues.plausibleTime(Long.MAX_VALUE, Long.MAX_VALUE)).isTrue();
    }

    @Test
    void idsAreNonNegativeDecimalLongs() {
        assertThat(WireValues.parseId("338476307")).isEqualTo(338476307L);
        assertThat(WireValues.parseId("0")).isZero();
        assertThat(WireValues.parseId("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(WireValues.parseId("9223372036854775808")).isEqualTo(-1L);
        assertThat(WireValues.parseId("-1")).isEqualTo(-1L);
        assertThat(WireValues.parseId("1.0")).isEqualTo(-1L);
        assertThat(WireValues.parseId("1e5")).isEqualTo(-1L);
        assertThat(WireValues.parseId("")).isEqualTo(-1L);
        assertThat(WireValues.parseId("٣")).isEqualTo(-1L); // a non-ASCII digit
    }

    @Test
    void decimalsMustBeExactPositiveAndInRange() {
        assertThat(WireValues.decimalProblem("0.00000001")).isNull();
        assertThat(WireValues.decimalProblem("16578.50")).isNull();
        assertThat(WireValues.decimalProblem("99999999999999999999")).isNull();
        assertThat(WireValues.decimalProblem("999999999999999999999")).isEqualTo("is out of range");
        assertThat(WireValues.decimalProblem("0.0000000000000000001")).isEqualTo("is out of range");
        assertThat(WireValues.decimalProblem("1e400")).isEqualTo("is out of range");
        assertThat(WireValues.decimalProblem("0")).isEqualTo("is not > 0");
        assertThat(WireValues.decimalProblem("-1")).isEqualTo("is not > 0");
        assertThat(WireValues.decimalProblem("NaN")).isEqualTo("is not a decimal");
        assertThat(WireValues.decimalProblem("")).isEqualTo("is not a decimal");
        assertThat(WireValues.decimalProblem("1".repeat(65))).isEqualTo("is too long");
    }
}
