import Foundation
import Testing
@testable import ThiduaCore

/// Text reaches the database in NFC and trimmed, whatever keyboard typed it; the shortcut for text that is
/// already NFC must never let a decomposed letter through.
@Suite struct TextTests {
    /// "Tủa Chùa" as a Vietnamese keyboard in decomposed mode types it: u + U+0309, u + U+0300.
    let decomposed = "Tu\u{0309}a Chu\u{0300}a"

    @Test func decomposedVietnameseIsComposed() {
        #expect(Text.normalized(decomposed).unicodeScalars.map(\.value) == "Tủa Chùa".unicodeScalars.map(\.value))
        #expect(!Text.isNFCAlready(decomposed))
    }

    @Test func precomposedVietnameseAndPlainTextAreTakenAsTheyAre() {
        for text in ["Tủa Chùa", "Hội Nông dân huyện", "Đảng ủy xã Sính Phình", "ƯU TIÊN, ơn, đường", "K-12 (2021–2025)"] {
            #expect(Text.isNFCAlready(text), "\(text)")
            #expect(Text.normalized(text) == text)
        }
    }

    /// The shortcut against Foundation's normalisation over every scalar it lets through, alone and followed
    /// by each combining mark Vietnamese uses (which it must not let through).
    @Test func theShortcutAgreesWithFoundationOnEveryScalarItAccepts() {
        let accepted = [0..<0x300, 0x1E00..<0x1F00, 0x2010..<0x2070].flatMap { $0.compactMap(Unicode.Scalar.init) }
        let marks: [Unicode.Scalar] = ["\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}", "\u{0323}", "\u{0302}", "\u{0306}", "\u{031B}"]
        for scalar in accepted {
            let alone = String(String.UnicodeScalarView([scalar]))
            #expect(Text.isNFCAlready(alone))
            #expect(alone.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(alone.unicodeScalars), "U+\(String(scalar.value, radix: 16))")
            for mark in marks {
                let combined = String(String.UnicodeScalarView([scalar, mark]))
                #expect(!Text.isNFCAlready(combined))
                #expect(Text.normalized(combined).unicodeScalars.elementsEqual(combined.precomposedStringWithCanonicalMapping.unicodeScalars))
            }
        }
    }

    @Test func cleaningTrimsUnicodeWhiteSpaceAsFoundationDoes() {
        let spaces = "\u{20}\u{09}\u{0A}\u{0D}\u{A0}\u{3000}\u{2028}\u{202F}\u{85}"
        #expect(Text.cleaned(spaces + decomposed + spaces) == "Tủa Chùa")
        #expect(Text.cleaned(" giữa  hai\u{3000}từ ") == "giữa  hai\u{3000}từ")
        #expect(Text.cleaned(spaces) == nil)
        #expect(Text.cleaned(nil) == nil)
        let foundation = CharacterSet.whitespacesAndNewlines
        let differing = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter { scalar in
            foundation.contains(scalar) != (Text.cleaned(String(String.UnicodeScalarView([scalar]))) == nil)
        }
        #expect(differing.isEmpty, "\(differing.map { "U+" + String($0.value, radix: 16) })")
    }
}
