package dev.fn4j.maven.core;

import java.util.ArrayList;
import java.util.List;

/** Aligns rows of cells into columns two spaces apart; the last column is not padded. */
final class Columns {

    private Columns() {}

    static List<String> align(List<String[]> rows) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], cell(row, i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = cell(row, i);
                line.append(cell);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - cell.length() + 2));
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private static String cell(String[] row, int i) {
        return row[i] == null ? "" : row[i];
    }
}
