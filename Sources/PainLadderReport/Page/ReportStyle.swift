/// The page's style sheet: readable on a screen, and in print on A4 or US Letter (the page
/// box is left to the printer's paper; the content is narrower than both).
enum ReportStyle {
    static let css = """
        :root { color-scheme: light; }
        body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 14px; line-height: 1.4; color: #000; background: #fff; margin: 0 auto; max-width: 1000px; padding: 16px; }
        h1 { font-size: 22px; margin: 0 0 4px; }
        h2 { font-size: 17px; margin: 20px 0 6px; border-bottom: 1px solid #888; }
        .facts { margin: 0 0 8px; }
        .warning { border: 2px solid #000; padding: 6px 10px; background: #FFF3D6; }
        .red-flag { border: 3px double #D55E00; padding: 6px 10px; margin: 6px 0; font-weight: bold; }
        .red-flag::before { content: "!! "; }
        .suggestion { border-left: 6px solid #0072B2; padding: 6px 10px; background: #EEF5FB; }
        .suggestion .label { font-style: italic; display: block; }
        .cite { font-size: 11px; color: #333; white-space: nowrap; }
        .status-unconfirmed { font-style: italic; text-decoration: underline dotted; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0; }
        th, td { border: 1px solid #999; padding: 3px 6px; text-align: left; vertical-align: top; }
        th { background: #EEE; }
        figure { margin: 10px 0; break-inside: avoid; page-break-inside: avoid; }
        figure svg { width: 100%; height: auto; display: block; }
        figcaption { font-size: 12px; }
        .legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 12px; margin: 4px 0; padding: 0; list-style: none; }
        .legend svg { width: 28px; height: 12px; vertical-align: middle; }
        ul.plain { padding-left: 18px; margin: 4px 0; }
        .muted { color: #444; }
        @page { margin: 12mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          h2 { break-after: avoid; page-break-after: avoid; }
          tr, .red-flag, .suggestion { break-inside: avoid; page-break-inside: avoid; }
          details > summary { display: none; }
          details > * { display: block; }
          .suggestion, .warning { background: none; }
        }
        """
}
