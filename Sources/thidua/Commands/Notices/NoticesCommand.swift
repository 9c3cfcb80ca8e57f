import ArgumentParser

struct NoticesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notices",
        abstract: "Công khai lấy ý kiến / Public notices some forms require before a commendation (Xã tiêu biểu: 10 working days).",
        discussion: """
            The secretariat opens a notice for a nomination and a form; it ends after the form's working days
            (Monday to Friday) unless posted longer. Objections and comments are recorded as they arrive, by the
            secretariat or by the nomination's own unit. Once it has run, the secretariat closes it: no_objection,
            objections_dismissed (with the reason) or objections_upheld (with the reason; the nomination then goes
            neither before the council nor into a decision). While it runs, the council cannot take the nomination.

            Example:
              thidua notices open 3f0c… --form xa-tieu-bieu \\
                  --channel "Cổng thông tin điện tử huyện" --from 2024-11-04
              thidua notices object 8d21… --objector "Nguyễn Văn A, thôn Háng Á" \\
                  --content "…" --received 2024-11-06
              thidua notices close 8d21… --outcome objections_dismissed \\
                  --reason "Đã xác minh: không có cơ sở"
              thidua notices list --running
            """,
        subcommands: [NoticesList.self, NoticesOpen.self, NoticesObject.self, NoticesClose.self])
}
