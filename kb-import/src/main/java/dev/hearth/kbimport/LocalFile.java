package dev.hearth.kbimport;

import java.nio.file.Path;

/**
 * A file to import and the source name it is imported under.
 *
 * @param path where the file is
 * @param source the document's source name, e.g. {@code docs/guide/install.md}
 * @param size the file's size in bytes
 */
record LocalFile(Path path, String source, long size) {
}
