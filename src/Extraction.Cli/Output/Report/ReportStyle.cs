namespace Extraction.Cli.Output.Report;

/// <summary>
/// The report's one style sheet, inline: the page opens from an e-mail attachment with no
/// network, so fonts are the reader's own (the first CJK font of the stack installed), and
/// print gives A4 pages with the table headers repeated and no task cut in two.
/// </summary>
internal static class ReportStyle
{
    public const string Css =
        """
        :root { --done: #1a7f37; --ahead: #0b7285; --on: #1f6feb; --behind: #cf222e; --missing: #9a6700; --unknown: #6e7781; }
        * { box-sizing: border-box; }
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #1f2328; margin: 0 auto; max-width: 1100px; padding: 16px 24px; font-size: 14px; line-height: 1.5; }
        h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; border-bottom: 2px solid #d0d7de; padding-bottom: 2px; margin-top: 28px; } h3 { font-size: 15px; margin: 0 0 4px; }
        .meta { color: #57606a; margin: 0 0 12px; }
        nav a { margin-right: 12px; }
        .cards { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
        .card { border: 1px solid #d0d7de; border-radius: 6px; padding: 4px 10px; min-width: 80px; }
        .card b { display: block; font-size: 22px; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
        th, td { border: 1px solid #d0d7de; padding: 3px 6px; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; font-weight: 600; }
        td.date { white-space: nowrap; }
        td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .status { display: inline-block; padding: 0 6px; border-radius: 10px; color: #fff; white-space: nowrap; font-size: 12px; }
        .s-done { background: var(--done); } .s-ahead { background: var(--ahead); } .s-on_schedule { background: var(--on); }
        .s-behind { background: var(--behind); } .s-not_reported { background: var(--missing); } .s-unknown, .s-not_started { background: var(--unknown); }
        .card.s-done b { color: var(--done); } .card.s-ahead b { color: var(--ahead); } .card.s-on_schedule b { color: var(--on); }
        .card.s-behind b { color: var(--behind); } .card.s-not_reported b { color: var(--missing); } .card.s-unknown b { color: var(--unknown); }
        .card.s-done, .card.s-ahead, .card.s-on_schedule, .card.s-behind, .card.s-not_reported, .card.s-unknown { background: none; }
        section.task { border-top: 1px solid #d0d7de; padding-top: 10px; margin-top: 14px; }
        .task-head { break-inside: avoid; break-after: avoid; }
        .task-head { display: flex; gap: 16px; flex-wrap: wrap; align-items: flex-start; }
        .task-text { flex: 1 1 300px; }
        svg.chart { font-family: inherit; flex: 0 0 auto; }
        svg .grid { stroke: #eaeef2; } svg .axis { font-size: 10px; fill: #57606a; } svg .value { font-size: 10px; fill: #1f6feb; } svg .legend { font-size: 11px; fill: #1f2328; }
        svg polyline, svg line.completion, svg line.elapsed { fill: none; stroke-width: 2; }
        svg .completion { stroke: #1f6feb; fill: #1f6feb; } svg polyline.completion { fill: none; }
        svg .elapsed { stroke: #8c959f; stroke-dasharray: 4 3; }
        .none { color: #57606a; font-style: italic; }
        .back { font-size: 12px; }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          nav, .back { display: none; }
          a { color: inherit; text-decoration: none; }
          thead { display: table-header-group; }
          tr, .card { break-inside: avoid; }
          h2 { break-after: avoid; }
          #tasks-detail { break-before: page; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """;
}
