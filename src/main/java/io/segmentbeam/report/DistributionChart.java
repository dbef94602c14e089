package io.segmentbeam.report;

import java.util.Locale;

/**
 * One Users field of a segment beside the user base, as an inline SVG chart of horizontal bars:
 * for each bin, the share of the segment's users in it and the share of all users, on one scale
 * of percent. Horizontal bars leave room for long category values as labels. Each bin carries its
 * counts in {@code data-} attributes, and a ranged bin its bounds, for readers and tests.
 */
final class DistributionChart {
  private static final int LABEL_WIDTH = 130;
  private static final int PLOT_WIDTH = 220;
  private static final int BAR = 8;
  private static final int ROW = 2 * BAR + 6;
  private static final int AXIS = 34;
  private static final int LABEL_CHARACTERS = 20;

  private DistributionChart() {}

  static void draw(StringBuilder page, FieldDistribution distribution, long baseRows) {
    UserBase.Field field = distribution.field();
    long[] segment = distribution.segment();
    long[] base = field.rows();
    double largest = 0;
    int shown = 0;
    for (int bin = 0; bin < segment.length; bin++) {
      if (segment[bin] > 0 || base[bin] > 0) {
        largest = Math.max(largest,
            Math.max(share(segment[bin], distribution.segmentUsers()), share(base[bin], baseRows)));
        shown++;
      }
    }
    // The scale ends at the next 10 % above the largest share, so that ticks fall on round numbers.
    double scale = Math.max(0.1, Math.ceil(largest * 10 - 1e-9) / 10);
    int height = shown * ROW + AXIS;
    page.append("<svg class=\"dist\" width=\"").append(LABEL_WIDTH + PLOT_WIDTH + 20).append("\" height=\"")
        .append(height).append("\" role=\"img\" aria-label=\"").append(ReportPage.html(field.name()))
        .append(": segment beside all users\">\n");
    int y = 0;
    for (int bin = 0; bin < segment.length; bin++) {
      if (segment[bin] == 0 && base[bin] == 0) {
        continue;
      }
      UserBase.Bin about = field.bins().get(bin);
      double segmentShare = share(segment[bin], distribution.segmentUsers());
      double baseShare = share(base[bin], baseRows);
      page.append("<g data-bin=\"").append(ReportPage.html(about.label())).append('"');
      if (about.low() != null) {
        page.append(" data-low=\"").append(number(about.low())).append("\" data-high=\"").append(number(about.high()))
            .append('"');
      }
      page.append(" data-segment=\"").append(segment[bin]).append("\" data-base=\"").append(base[bin])
          .append("\"><title>").append(ReportPage.html(String.format(Locale.ROOT,
              "%s: %.1f %% of the segment (%d of %d users), %.1f %% of all users (%d of %d)", about.label(),
              100 * segmentShare, segment[bin], distribution.segmentUsers(), 100 * baseShare, base[bin], baseRows)))
          .append("</title><text x=\"").append(LABEL_WIDTH - 6).append("\" y=\"").append(y + BAR + 4)
          .append("\" text-anchor=\"end\">").append(ReportPage.html(shorten(about.label()))).append("</text>")
          .append("<rect class=\"s\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 2)
          .append("\" width=\"").append(width(segmentShare, scale)).append("\" height=\"").append(BAR).append("\"/>")
          .append("<rect class=\"b\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 2 + BAR)
          .append("\" width=\"").append(width(baseShare, scale)).append("\" height=\"").append(BAR)
          .append("\"/></g>\n");
      y += ROW;
    }
    axis(page, y, scale);
    page.append("</svg>\n");
  }

  /** The percent axis under the bars: ticks at 0, half the scale and the scale, and its title. */
  private static void axis(StringBuilder page, int y, double scale) {
    page.append("<line class=\"axis\" x1=\"").append(LABEL_WIDTH).append("\" y1=\"").append(y + 2)
        .append("\" x2=\"").append(LABEL_WIDTH + PLOT_WIDTH).append("\" y2=\"").append(y + 2).append("\"/>");
    for (int tick = 0; tick <= 2; tick++) {
      int x = LABEL_WIDTH + PLOT_WIDTH * tick / 2;
      page.append("<text x=\"").append(x).append("\" y=\"").append(y + 14).append("\" text-anchor=\"middle\">")
          .append(String.format(Locale.ROOT, "%.0f", 100 * scale * tick / 2)).append("</text>");
    }
    page.append("<text x=\"").append(LABEL_WIDTH + PLOT_WIDTH / 2).append("\" y=\"").append(y + 28)
        .append("\" text-anchor=\"middle\">% of users</text>\n");
  }

  private static double share(long count, long of) {
    return of == 0 ? 0 : (double) count / of;
  }

  private static String width(double share, double scale) {
    return String.format(Locale.ROOT, "%.1f", PLOT_WIDTH * share / scale);
  }

  /** A number as the page gives it: whole numbers without a fraction. */
  static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
        : Double.toString(value);
  }

  private static String shorten(String label) {
    return label.length() <= LABEL_CHARACTERS ? label : label.substring(0, LABEL_CHARACTERS - 1) + "…";
  }
}
