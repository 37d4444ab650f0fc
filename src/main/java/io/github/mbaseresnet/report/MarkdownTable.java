package io.github.mbaseresnet.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A fixed-width markdown table (readable as text and as markdown): the summary and {@code fer report compare}. */
public final class MarkdownTable {
    private MarkdownTable() {
    }

    public static String of(List<String> header, List<List<String>> rows) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(rows);
        int[] widths = new int[header.size()];
        lines.forEach(line -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        });
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < lines.size(); n++) {
            sb.append('|');
            for (int i = 0; i < widths.length; i++) {
                sb.append(' ').append(String.format(Locale.ROOT, "%-" + widths[i] + "s", lines.get(n).get(i)))
                        .append(" |");
            }
            sb.append('\n');
            if (n == 0) {
                sb.append('|');
                for (int w : widths) {
                    sb.append("-".repeat(w + 2)).append('|');
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
