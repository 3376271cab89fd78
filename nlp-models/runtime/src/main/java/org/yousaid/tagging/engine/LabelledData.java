package org.yousaid.tagging.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the labelled TSV format shared by every data set here: header {@code id text labels sentiment},
 * labels separated by {@code ;}, sentiment 1–5 or empty. Quotes are not special (pxtextmining's
 * export does not quote, and families write quotation marks), tabs cannot occur inside a field. A
 * file saved from a spreadsheet (a byte-order mark, Windows line ends) reads the same as any other.
 */
public final class LabelledData {

    private static final CSVFormat TSV = CSVFormat.TDF.builder().setQuote(null).setIgnoreSurroundingSpaces(false)
            .setTrim(false).setIgnoreEmptyLines(true).get();

    private LabelledData() {
    }

    public static List<LabelledText> read(Path file) throws IOException {
        try (Reader reader = withoutByteOrderMark(Files.newBufferedReader(file, StandardCharsets.UTF_8));
             CSVParser parser = TSV.parse(reader)) {
            List<LabelledText> rows = new ArrayList<>();
            boolean header = true;
            for (CSVRecord record : parser) {
                if (header) {
                    if (record.size() < 3 || !record.get(0).strip().equals("id") || !record.get(1).equals("text")
                            || !record.get(2).strip().equals("labels")) {
                        throw new IOException(file + ": expected the header 'id\\ttext\\tlabels\\tsentiment'");
                    }
                    header = false;
                    continue;
                }
                rows.add(row(file, record));
            }
            if (header) {
                throw new IOException(file + ": expected the header 'id\\ttext\\tlabels\\tsentiment'");
            }
            return rows;
        }
    }

    private static Reader withoutByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** Several labelled files, read in order, as one. */
    public static List<LabelledText> read(List<Path> files) throws IOException {
        List<LabelledText> rows = new ArrayList<>();
        for (Path file : files) {
            rows.addAll(read(file));
        }
        return rows;
    }

    private static LabelledText row(Path file, CSVRecord record) throws IOException {
        String at = file + ":" + record.getRecordNumber();
        if (record.size() < 3) {
            throw new IOException(at + ": expected at least 3 tab-separated columns");
        }
        Set<String> labels = new LinkedHashSet<>();
        Arrays.stream(record.get(2).split(";")).map(String::strip).filter(s -> !s.isEmpty()).forEach(labels::add);
        Integer sentiment = null;
        if (record.size() > 3 && !record.get(3).isBlank()) {
            try {
                sentiment = Integer.valueOf(record.get(3).strip());
            } catch (NumberFormatException e) {
                throw new IOException(at + ": sentiment must be 1-5 or empty");
            }
            if (sentiment < 1 || sentiment > 5) {
                throw new IOException(at + ": sentiment must be 1-5 or empty");
            }
        }
        return new LabelledText(record.get(0), record.get(1), labels, sentiment);
    }

    /**
     * The SHA-256 a manifest records: one file's own; several files' is the SHA-256 of their bytes one
     * after another.
     */
    public static String sha256(List<Path> files) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
