/// A horizontal bar chart drawn by the server as SVG, no script and nothing from outside: one labelled bar per
/// row, its length the value's share of the chart's scale, with an optional mark at a target (a minimum) and
/// the figures in words beside the label so that a screen reader and a printed page say the same.
///
/// Bar lengths are percentages of the chart's width, so the same SVG fits a phone and a laptop without
/// shrinking its text.
struct BarChart {
    struct Bar {
        var label: String
        var figure: String
        var labelY: Int
        var barY: Int
        var width: String
        var targetX: String?
        var barBottom: Int
        var tone: String
    }

    var title: String
    var titleID: String
    var height: Int
    var bars: [Bar]
    var isEmpty: Bool

    /// A row: its label, its value, the target it should reach (drawn as a mark), and its words, e.g. "3/4".
    struct Row {
        var label: String
        var value: Int
        var target: Int?
        var figure: String
        /// Shown red when a target is set and not reached, green when reached.
        var judged: Bool = true
    }

    static let rowHeight = 40

    init(title: String, id: String, rows: [Row], scale: Int? = nil) {
        self.title = title
        titleID = id
        let top = max(1, scale ?? rows.map { max($0.value, $0.target ?? 0) }.max() ?? 1)
        func percent(_ value: Int) -> String {
            let share = Double(min(value, top)) / Double(top) * 100
            return "\((share * 10).rounded() / 10)%"
        }
        bars = rows.enumerated().map { index, row in
            let tone = !row.judged || row.target == nil ? "bar-plain" : row.value >= row.target! ? "bar-met" : "bar-short"
            return Bar(label: row.label, figure: row.figure, labelY: index * Self.rowHeight + 14, barY: index * Self.rowHeight + 20,
                       width: row.value == 0 ? "0.5%" : percent(row.value), targetX: row.target.map(percent),
                       barBottom: index * Self.rowHeight + 34, tone: tone)
        }
        height = max(1, rows.count) * Self.rowHeight
        isEmpty = rows.isEmpty
    }
}
