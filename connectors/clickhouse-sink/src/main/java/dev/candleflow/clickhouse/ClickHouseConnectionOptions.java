package dev.candleflow.clickhouse;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where ClickHouse is: the HTTP JDBC URL without a database, the database, and credentials.
 * clickhouse-jdbc 0.9 needs the user and an explicit (even empty) password.
 */
public record ClickHouseConnectionOptions(String url, String database, String user, String password)
        implements Serializable {

    public static final String DRIVER = "com.clickhouse.jdbc.Driver";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    public ClickHouseConnectionOptions {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        if (!url.startsWith("jdbc:clickhouse://")) {
            throw new IllegalArgumentException(
                    "ClickHouse URL '" + url + "' must start with jdbc:clickhouse://");
        }
        if (database == null || !IDENTIFIER.matcher(database).matches()) {
            throw new IllegalArgumentException(
                    "Invalid ClickHouse database name '" + database + "'");
        }
    }

    /** The URL with the database, for connections that read and write its tables. */
    public String databaseUrl() {
        return url.replaceAll("/+$", "") + "/" + database;
    }

    /**
     * A connection to the server's default database (the target database may not exist yet). The
     * driver comes from this class's own class loader, not from DriverManager: DriverManager
     * registers drivers once per JVM, from the first job's class loader, so a second submission to
     * the same JobManager (an upgrade from a savepoint) would get "No suitable driver".
     */
    public Connection connectToServer() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        Connection connection = driver().connect(url, props);
        if (connection == null) {
            throw new SQLException("The ClickHouse JDBC driver does not accept the URL " + url);
        }
        return connection;
    }

    private static Driver driver() throws SQLException {
        try {
            return (Driver)
                    Class.forName(DRIVER, true, ClickHouseConnectionOptions.class.getClassLoader())
                            .getDeclaredConstructor()
                            .newInstance();
        } catch (ReflectiveOperationException e) {
            throw new SQLException("Cannot load the ClickHouse JDBC driver " + DRIVER, e);
        }
    }
}
