import Foundation

/// What the command line prints of a movement: its criteria, the units leading it and each round's minimums.
struct MovementDescription: Decodable {
    struct Criterion: Decodable { var code: String; var text: String }
    struct UnitPart: Decodable { var unitCode: String; var unitName: String; var part: String }
    struct Minimum: Decodable {
        var roundCode: String; var nomineeKind: String; var minimum: Int; var maximum: Int?; var perLeadUnit: Bool
        /// "1–3, mỗi đơn vị chủ trì / each lead unit" for the armed forces' own figures.
        var figure: String {
            "\(minimum)" + (maximum.map { "–\($0)" } ?? "") + (perLeadUnit ? ", mỗi đơn vị chủ trì / each lead unit" : "")
        }
    }

    var code: String
    var name: String
    var field: String
    var active: Bool
    var startsYear: Int
    var endsYear: Int?
    var criteria: [Criterion]
    var units: [UnitPart]
    var minimums: [Minimum]

    func printDetails() {
        Console.line("phong trào / movement  \(code)  \(name)")
        if !field.isEmpty { Console.line("lĩnh vực / field       \(field)") }
        Console.line("thời gian / years      từ / from \(startsYear)\(endsYear.map { " đến / to \($0)" } ?? "")\(active ? "" : ", đã dừng / inactive")")
        Console.line("tiêu chí / criteria")
        for criterion in criteria { Console.line("  \(criterion.code)  \(criterion.text)") }
        Console.line("đơn vị / units")
        for unit in units {
            Console.line("  \(unit.part == "lead" ? "chủ trì / lead" : "phối hợp / partner")  \(unit.unitName) (\(unit.unitCode))")
        }
        if !minimums.isEmpty { Console.line("tối thiểu / minimums") }
        for minimum in minimums { Console.line("  \(minimum.roundCode)  \(minimum.nomineeKind): \(minimum.figure)") }
    }
}
