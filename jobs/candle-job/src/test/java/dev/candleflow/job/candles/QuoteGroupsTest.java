package dev.candleflow.job.candles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candleflow.job.config.QuoteGroups;
import dev.candleflow.job.testutils.OperatorChain;
import dev.candleflow.model.Candle;
import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Side;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** USD, USDT and USDC consolidated as one "USD" market when configured, and apart otherwise. */
class QuoteGroupsTest {

    static final long START = 1_700_000_040_000_000L;

    @Test
    void parsesGroupsAndMapsInstruments() {
        QuoteGroups g = QuoteGroups.parse("usd:USD, USDT,usdc; EUR:EUR,EURC");
        assertThat(g.marketOf(InstrumentId.parse("BTC-USDT"))).isEqualTo("BTC-USD");
        assertThat(g.marketOf(InstrumentId.parse("ETH-EURC"))).isEqualTo("ETH-EUR");
        assertThat(g.marketOf(InstrumentId.parse("ETH-BTC"))).isEqualTo("ETH-BTC");
        assertThat(QuoteGroups.NONE.marketOf(InstrumentId.parse("BTC-USDT"))).isEqualTo("BTC-USDT");
        assertThatThrownBy(() -> QuoteGroups.parse("USD:USDT;TETHER:USDT"))
                .hasMessageContaining("USDT");
        assertThatThrownBy(() -> QuoteGroups.parse("USD")).hasMessageContaining("GROUP:QUOTE");
    }

    @Test
    void groupedQuotesFeedOneConsolidatedMarket() throws Exception {
        assertThat(consolidatedSymbols(QuoteGroups.parse("USD:USD,USDT,USDC")))
                .containsExactly("BTC-USD");
        assertThat(consolidatedSymbols(QuoteGroups.NONE))
                .containsExactlyInAnyOrder("BTC-USD", "BTC-USDT", "BTC-USDC");
    }

    private static List<String> consolidatedSymbols(QuoteGroups groups) throws Exception {
        CandleSettings s =
                new CandleSettings(
                        List.of(CandleInterval.S1), Duration.ofSeconds(1), Duration.ZERO, Set.of());
        try (OperatorChain chain =
                new OperatorChain(
                        s,
                        new FatFingerSettings(1e9, 25, 10, false),
                        new ConsolidationSettings(6, 10, 3, Duration.ofHours(1)),
                        groups)) {
            int id = 0;
            for (Venue v : List.of(Venue.COINBASE, Venue.BINANCE, Venue.OKX)) {
                String quote = v == Venue.COINBASE ? "USD" : v == Venue.BINANCE ? "USDT" : "USDC";
                Trade t =
                        new Trade(
                                v,
                                InstrumentId.parse("BTC-" + quote),
                                START + ++id,
                                START,
                                id,
                                new BigDecimal("30000"),
                                BigDecimal.ONE,
                                Side.BUY,
                                "" + id);
                chain.trade(t);
            }
            chain.watermark(Long.MAX_VALUE);
            List<Candle> consolidated =
                    chain.candles.stream().filter(Candle::isConsolidated).toList();
            if (consolidated.size() == 1) {
                assertThat(consolidated.get(0).includedVenues()).isEqualTo("binance,coinbase,okx");
                assertThat(consolidated.get(0).tradeCount()).isEqualTo(3);
            }
            return consolidated.stream().map(c -> c.instrument().toString()).toList();
        }
    }
}
