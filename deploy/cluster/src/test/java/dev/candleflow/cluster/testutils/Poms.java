package dev.candleflow.cluster.testutils;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Versions the parent pom pins, so deployment files can be held against them. */
public final class Poms {

    private Poms() {}

    /** The project's version, e.g. 0.1.0-SNAPSHOT. */
    public static String projectVersion() throws IOException {
        Matcher m =
                Pattern.compile(
                                "<artifactId>candleflow-parent</artifactId>\\s*<version>([^<]+)</version>")
                        .matcher(Files.readString(Repo.file("pom.xml")));
        if (!m.find()) {
            throw new IllegalStateException("No project version in pom.xml");
        }
        return m.group(1);
    }

    /** A property of the parent pom, e.g. flink.version. */
    public static String property(String name) throws IOException {
        Matcher m =
                Pattern.compile(
                                "<"
                                        + Pattern.quote(name)
                                        + ">([^<]+)</"
                                        + Pattern.quote(name)
                                        + ">")
                        .matcher(Files.readString(Repo.file("pom.xml")));
        if (!m.find()) {
            throw new IllegalStateException("No property " + name + " in pom.xml");
        }
        return m.group(1);
    }
}
