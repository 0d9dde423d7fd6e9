package dev.candleflow.local.stack;

import dev.candleflow.local.ClickHouseServer;
import java.io.IOException;

/** Prints what has reached ClickHouse so far, every few seconds. */
final class Progress {
    private final ClickHouseServer clickHouse;
    private final String database;

    Progress(ClickHouseServer clickHouse, String database) {
        this.clickHouse = clickHouse;
        this.database = database;
    }

    void report() {
        try {
            String line =
                    clickHouse
                            .execute(
                                    "SELECT count(), uniqExact(symbol), toString(max(open_time)),"
                                            + " sum(trade_count) FROM "
                                            + database
                                            + ".candles FINAL FORMAT TSV")
                            .strip();
            String[] f = line.split("\t");
            String dead =
                    clickHouse.execute("SELECT count() FROM " + database + ".dead_letters").strip();
            LocalStack.say(
                    f[0]
                            + " candles for "
                            + f[1]
                            + " symbols ("
                            + f[3]
                            + " trades), newest opened "
                            + f[2]
                            + " UTC; "
                            + dead
                            + " dead letters");
        } catch (IOException e) {
            LocalStack.say("cannot read progress from ClickHouse: " + e.getMessage());
        }
    }
}
