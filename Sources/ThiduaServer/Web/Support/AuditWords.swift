/// What an audit event's action says in a history a person reads.
enum AuditWords {
    private static let actions: [String: String] = [
        "nomination.create": "Lập hồ sơ đề nghị",
        "nomination.edit": "Sửa nội dung hồ sơ",
        "nomination.submit": "Gửi hồ sơ",
        "nomination.withdraw": "Rút hồ sơ",
        "nomination.endorse": "Đơn vị chủ trì xác nhận",
        "nomination.return_by_lead_unit": "Đơn vị chủ trì trả lại",
        "nomination.verify": "Cơ quan Thường trực thẩm định",
        "nomination.return_by_secretariat": "Cơ quan Thường trực trả lại",
        "nomination.put_before_council": "Đưa ra phiên họp Hội đồng",
        "nomination.approve_in_council": "Hội đồng nhất trí đề nghị khen thưởng",
        "nomination.reject_in_council": "Hội đồng không nhất trí",
        "nomination.carry_over": "Chưa đủ số thành viên biểu quyết, chuyển phiên sau",
        "nomination.council_outcome": "Kết quả biểu quyết của Hội đồng",
        "nomination.decide": "Có quyết định khen thưởng",
        "attachment.add": "Tải tài liệu lên",
        "council.open": "Mở phiên họp Hội đồng",
        "council.close": "Kết thúc phiên họp Hội đồng",
        "council.vote": "Bỏ phiếu",
        "council.change_vote": "Đổi phiếu",
        "council.recuse": "Không tham gia biểu quyết",
        "council.tally": "Kiểm phiếu",
        "decision.sign": "Ký quyết định",
        "seed.load": "Nạp dữ liệu ban đầu",
    ]

    static func action(_ action: String) -> String { actions[action] ?? "Thay đổi hồ sơ" }
}
