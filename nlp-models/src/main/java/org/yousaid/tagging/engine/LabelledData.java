package org.yousaid.tagging.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the labelled TSV format shared by every data set here: header {@code id text labels sentiment},
 * labels separated by {@code ;}, sentiment 1–5 or empty. Quotes are not special (pxtextmining's
 * export does not quote), tabs cannot occur inside a field.
 */
public final class LabelledData {

    private LabelledData() {
    }

    public static List<LabelledText> read(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || !header.strip().startsWith("id\ttext\tlabels")) {
                throw new IOException(file + ": expected the header 'id\\ttext\\tlabels\\tsentiment'");
            }
            List<LabelledText> rows = new ArrayList<>();
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length < 3) {
                    throw new IOException(file + ":" + number + ": expected at least 3 tab-separated columns");
                }
                Set<String> labels = new LinkedHashSet<>();
                Arrays.stream(cells[2].split(";")).map(String::strip).filter(s -> !s.isEmpty()).forEach(labels::add);
                Integer sentiment = null;
                if (cells.length > 3 && !cells[3].isBlank()) {
                    try {
                        sentiment = Integer.valueOf(cells[3].strip());
                    } catch (NumberFormatException e) {
                        throw new IOException(file + ":" + number + ": sentiment must be 1-5 or empty");
                    }
                    if (sentiment < 1 || sentiment > 5) {
                        throw new IOException(file + ":" + number + ": sentiment must be 1-5 or empty");
                    }
                }
                rows.add(new LabelledText(cells[0], cells[1], labels, sentiment));
            }
            return rows;
        }
    }
}
