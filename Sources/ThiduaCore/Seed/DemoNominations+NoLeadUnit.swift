extension DemoNominations {
    /// A nomination in one of the plan's fields without a lead unit (KH 2.2.10–2.2.12): submitted, it goes straight
    /// to the secretariat (0018) and waits in its review queue. (The demo stays within 45 nominations.)
    static let noLeadUnitEntries: [Entry] = [
        Entry(
            unit: .office("hoinongdan"), movement: "to-chuc-hoi",
            nominee: collective("Chi hội Nông dân thôn Pàng Dề A", .otherCollective),
            title: "Tập thể tiêu biểu trong hoạt động của tổ chức hội",
            achievements: "Vận động 100% hội viên tham gia tổ hợp tác trồng chè Shan tuyết; tổ chức 6 buổi tập huấn kỹ thuật và giúp 9 hộ hội viên thoát nghèo năm 2021.",
            criteria: ["2.2.10-a-1": "6 buổi tuyên truyền, tập huấn", "2.2.10-a-2": ""],
            steps: [.submit]),
    ]
}
