package org.yousaid.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout these tests read: the manifests, the Dockerfile, the README and the server's settings. */
final class Repo {

    private Repo() {
    }

    static Path root() {
        String root = System.getProperty("yousaid.repo.root");
        return Path.of(root == null ? ".." : root).toAbsolutePath().normalize();
    }

    static String read(String path) {
        try {
            return Files.readString(root().resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
