import Foundation

/// `numeric` travels as base-10000 digit groups: ndigits, weight (of the first group), sign, display scale, digits.
extension Decimal: PostgresArrayElement {
    public static var postgresType: PostgresDataType { .numeric }
    public static var postgresArrayType: PostgresDataType { .numericArray }

    private static let positive: UInt16 = 0x0000
    private static let negative: UInt16 = 0x4000

    public func encode(into buffer: inout [UInt8]) throws {
        guard isFinite else { throw PostgresError.encoding("\(self) is not a finite number") }
        var text = Substring(description)
        let isNegative = text.hasPrefix("-")
        if isNegative { text = text.dropFirst() }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integerDigits = Array(parts[0].drop(while: { $0 == "0" }))
        let fractionDigits = parts.count > 1 ? Array(parts[1]) : []
        func groups(_ digits: [Character], padLeft: Bool) -> [Int16] {
            let padding = (4 - digits.count % 4) % 4
            let padded = padLeft
                ? Array(repeating: "0", count: padding) + digits
                : digits + Array(repeating: "0", count: padding)
            return stride(from: 0, to: padded.count, by: 4).map { Int16(String(padded[$0..<($0 + 4)]))! }
        }
        var digits = groups(integerDigits, padLeft: true) + groups(fractionDigits, padLeft: false)
        var weight = groups(integerDigits, padLeft: true).count - 1
        while let first = digits.first, first == 0 { digits.removeFirst(); weight -= 1 }
        while let last = digits.last, last == 0 { digits.removeLast() }
        if digits.isEmpty { weight = 0 }
        buffer.appendBigEndian(Int16(digits.count))
        buffer.appendBigEndian(Int16(weight))
        buffer.appendBigEndian(isNegative && !digits.isEmpty ? Self.negative : Self.positive)
        buffer.appendBigEndian(Int16(fractionDigits.count))
        for digit in digits { buffer.appendBigEndian(digit) }
    }

    public static func decode(from cell: PostgresCell) throws(PostgresCellError) -> Decimal {
        var reader = ByteReader(try cell.bytes(accepting: .numeric))
        let count = Int(try reader.read(Int16.self))
        let weight = Int(try reader.read(Int16.self))
        let sign = try reader.read(UInt16.self)
        let scale = Int(try reader.read(Int16.self))
        guard sign == positive || sign == negative else { throw .malformed("NaN and infinity have no Decimal value") }
        var digits: [Int16] = []
        for _ in 0..<count { digits.append(try reader.read(Int16.self)) }
        func group(_ index: Int) -> Int16 { index >= 0 && index < digits.count ? digits[index] : 0 }
        func padded(_ value: Int16) -> String {
            let text = String(value)
            return String(repeating: "0", count: 4 - text.count) + text
        }
        var text = sign == negative ? "-" : ""
        if weight < 0 {
            text += "0"
        } else {
            text += String(group(0))
            for index in stride(from: 1, through: weight, by: 1) { text += padded(group(index)) }
        }
        if scale > 0 {
            var fraction = ""
            var index = weight + 1
            while fraction.count < scale { fraction += padded(group(index)); index += 1 }
            text += "." + fraction.prefix(scale)
        }
        guard let value = Decimal(string: text) else { throw .malformed("numeric \(text) does not fit a Decimal") }
        return value
    }
}
