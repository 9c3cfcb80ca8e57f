import Foundation
import ThiduaCore

/// Plausible nominations of one unit for one movement: a village (bản) of a commune or a farming household,
/// 300–800 bytes of achievements in Vietnamese, an answer with evidence to each criterion that applies to
/// the nominee's kind, and the movement's figures.
///
/// ```swift
/// let samples = NominationSamples(unitName: "UBND xã Sín Chải", movement: movement, nomineeKind: .collective)
/// let draft = samples.draft(roundID: round)
/// ```
struct NominationSamples {
    let unitName: String
    let movement: BenchMovement
    let nomineeKind: NomineeKind

    static let achievementBytes = 300...800

    func draft(roundID: UUID) -> NominationDraft {
        let content = content()
        return NominationDraft(
            roundID: roundID, movementID: movement.id,
            nominee: .new(NewNominee(kind: nomineeKind, name: content.nomineeName)), content: content)
    }

    func content() -> NominationContent {
        let name = nomineeName()
        return NominationContent(
            nomineeName: name,
            title: nomineeKind == .household
                ? "Hộ nông dân sản xuất, kinh doanh giỏi tiêu biểu năm 2021"
                : "Bản tiêu biểu trong phong trào xây dựng nông thôn mới năm 2021",
            achievements: achievements(),
            criteriaAnswers: criteriaAnswers(),
            indicators: indicators())
    }

    private func nomineeName() -> String {
        let village = Self.villages.randomElement()!
        let place = unitName.replacingOccurrences(of: "UBND ", with: "")
        if nomineeKind == .household {
            return "Hộ ông \(Self.householders.randomElement()!), bản \(village), \(place)"
        }
        return "Bản \(village), \(place)"
    }

    /// Sentences drawn without repeats until the text reaches a length picked in ``achievementBytes``.
    private func achievements() -> String {
        let target = Int.random(in: Self.achievementBytes)
        let bank = nomineeKind == .household ? Self.householdFeats : Self.villageFeats
        var text = ""
        for sentence in bank.shuffled() {
            let next = text.isEmpty ? sentence() : text + " " + sentence()
            if next.utf8.count > Self.achievementBytes.upperBound { continue }
            text = next
            if text.utf8.count >= target { break }
        }
        return text.precomposedStringWithCanonicalMapping
    }

    private func criteriaAnswers() -> [String: CriterionAnswer] {
        let own = nomineeKind == .household || nomineeKind == .individual ? "-b-" : "-a-"
        let other = own == "-a-" ? "-b-" : "-a-"
        var answers: [String: CriterionAnswer] = [:]
        for criterion in movement.criteria where !criterion.code.contains(other) {
            answers[criterion.code] = CriterionAnswer(
                met: true, evidence: Self.evidence.randomElement()!().precomposedStringWithCanonicalMapping)
        }
        return answers
    }

    private func indicators() -> [String: [String: Decimal]] {
        var figures: [String: [String: Decimal]] = [:]
        for indicator in movement.indicators {
            let base = Decimal(Int.random(in: 40...2_400))
            figures[indicator.code] = indicator.perYear
                ? ["2019": base, "2020": base + Decimal(Int.random(in: 5...300))]
                : ["total": base]
        }
        return figures
    }

    private static let villages = [
        "Háng Sung", "Pàng Dề A", "Hấu Chua", "Làng Vảng", "Pú Ó", "Cáng Tỷ", "Phìn Hồ", "Sáng Tớ", "Tả Phìn",
        "Lồng Sản", "Tỏ Tình", "Sín Chải", "Nậm Bành", "Hừ Chua", "Đề Dê Hu", "Chồng Chua", "Nà Sa", "Huổi Lóng",
    ]

    private static let householders = [
        "Giàng A Sử", "Mùa A Chứ", "Lầu A Pó", "Thào A Dế", "Vàng A Páo", "Sùng A Lử", "Lò Văn Hặc",
        "Quàng Văn Pánh", "Hờ A Sềnh", "Cứ A Thào", "Lý A Dình", "Chang A Vàng",
    ]

    private static let villageFeats: [@Sendable () -> String] = [
        { "Năm 2021 nhân dân trong bản đóng góp \(Int.random(in: 600...2_500)) ngày công và hiến \(Int.random(in: 800...6_000)) m² đất để làm \(Int.random(in: 2...9)) km đường bê tông liên bản." },
        { "Tỷ lệ hộ nghèo giảm từ \(Int.random(in: 38...60))% xuống còn \(Int.random(in: 15...30))%; thu nhập bình quân đạt \(Int.random(in: 18...32)) triệu đồng/người/năm." },
        { "100% hộ gia đình dùng điện lưới quốc gia và nước sinh hoạt hợp vệ sinh; nhà văn hóa bản được sửa chữa, có đủ trang thiết bị." },
        { "Ban phát triển bản họp định kỳ hằng tháng, công khai các khoản đóng góp, không để xảy ra khiếu kiện vượt cấp." },
        { "Nhân dân chuyển đổi cơ cấu cây trồng, trồng mới \(Int.random(in: 5...40)) ha chè Shan tuyết và \(Int.random(in: 3...25)) ha cây ăn quả, liên kết tiêu thụ với hợp tác xã." },
        { "An ninh trật tự được giữ vững, không có tệ nạn ma túy, không có người di cư tự do; việc cưới, việc tang được tổ chức văn minh, tiết kiệm." },
        { "Các đoàn thể tuyên truyền bằng tiếng Mông, tiếng Thái tại các buổi sinh hoạt cộng đồng, thu hút trên 90% số hộ tham gia." },
        { "Điểm trường mầm non và tiểu học của bản được kiên cố hóa; tỷ lệ trẻ em trong độ tuổi đến trường đạt 100%." },
    ]

    private static let householdFeats: [@Sendable () -> String] = [
        { "Gia đình vay vốn Ngân hàng Chính sách xã hội \(Int.random(in: 30...100)) triệu đồng, phát triển chăn nuôi \(Int.random(in: 6...30)) con trâu, bò và \(Int.random(in: 20...80)) con lợn đen bản địa." },
        { "Tổng thu nhập năm 2020 đạt \(Int.random(in: 250...900)) triệu đồng, tăng \(Int.random(in: 8...40))% so với năm 2019, tạo việc làm ổn định cho \(Int.random(in: 3...15)) lao động tại địa phương." },
        { "Gia đình chia sẻ kinh nghiệm trồng chè, sao chè thủ công cho các hộ trong bản, giúp \(Int.random(in: 4...20)) hộ thoát nghèo bền vững." },
        { "Nhiều năm liền đạt danh hiệu “Gia đình văn hóa”; các con đều đi học đầy đủ, chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước." },
        { "Mạnh dạn đưa giống lúa mới vào \(Int.random(in: 1...6)) ha ruộng bậc thang, năng suất đạt \(Int.random(in: 45...62)) tạ/ha, cao hơn bình quân của xã." },
        { "Ủng hộ \(Int.random(in: 5...30)) triệu đồng và \(Int.random(in: 20...120)) ngày công xây dựng nhà văn hóa, đường nội bản; giúp đỡ hộ khó khăn giống cây, con giống." },
    ]

    private static let evidence: [@Sendable () -> String] = [
        { "Biên bản họp bản ngày \(Int.random(in: 1...28))/\(Int.random(in: 1...12))/2021" },
        { "Báo cáo tổng kết năm 2021 của UBND xã" },
        { "Xác nhận của Ban công tác Mặt trận bản" },
        { "Sổ theo dõi ngày công đóng góp của Ban phát triển bản" },
        { "Kết quả rà soát hộ nghèo, hộ cận nghèo cuối năm 2021" },
        { "Quyết định công nhận “Bản văn hóa” năm 2021" },
    ]
}
