package dev.candleflow.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void classpathCarriesExactlyTheRepositoryFilesInOrder() throws Exception {
        List<Migration> repo = Migrations.fromDirectory(Path.of("../../sql/clickhouse"));
        List<Migration> shipped = Migrations.fromClasspath();
        assertThat(shipped).isEqualTo(repo);
        assertThat(shipped).extracting(Migration::version).isSorted().doesNotHaveDuplicates();
        assertThat(shipped.get(0).sql())
                .startsWith("-- ")
                .contains("CREATE DATABASE IF NOT EXISTS market");
    }

    @Test
    void retargetsTheDatabaseAndNothingElse() {
        Migration m =
                Migration.of(
                        "002_t.sql",
                        "CREATE TABLE IF NOT EXISTS market.candles (market String) ENGINE ="
                                + " Log;\n");
        assertThat(m.sql()).doesNotEndWith(";");
        assertThat(m.sqlFor("it_1"))
                .isEqualTo("CREATE TABLE IF NOT EXISTS it_1.candles (market String) ENGINE = Log");
        Migration db =
                Migration.of("001_db.sql", "CREATE DATABASE IF NOT EXISTS market ENGINE = Atomic");
        assertThat(db.sqlFor("it_1"))
                .isEqualTo("CREATE DATABASE IF NOT EXISTS it_1 ENGINE = Atomic");
        assertThat(db.sqlFor("market")).isEqualTo(db.sql());
    }

    @Test
    void rejectsBadlyNamedOrEmptyFiles() {
        assertThatThrownBy(() -> Migration.of("2_x.sql", "SELECT 1"))
                .hasMessageContaining("'2_x.sql'");
        assertThatThrownBy(() -> Migration.of("002_x.sql", " ;\n")).hasMessageContaining("empty");
    }
}
