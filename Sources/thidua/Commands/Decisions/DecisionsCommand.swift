import ArgumentParser

struct DecisionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decisions",
        abstract: "Quyết định khen thưởng / Commendation decisions on a running server: list, draft, show, sign, send back, export, certificates, revoke, answer.",
        discussion: """
            The secretariat drafts a decision from nominations the council approved; the chairman (or a deputy \
            holding the ký thay delegation) signs it, which numbers it in its register; after that it never \
            changes. `export` writes the document as it is printed; `certificates` the Giấy khen to print, one page each. \
            `revoke` drafts a new decision that revokes a signed one; `answer` records a higher level's answer to a \
            proposal.

            Example:
              thidua decisions list --state draft
              thidua decisions draft --series S --date 2024-12-20 \\
                  --subject "Về việc khen thưởng …" \\
                  --basis "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;" \\
                  --item 3f0c…=giay-khen-chu-tich-huyen
              thidua decisions sign D
              thidua decisions export D --output quyet-dinh.txt
              thidua decisions certificates D --output giay-khen.html
            """,
        subcommands: [
            DecisionsList.self, DecisionsDraft.self, DecisionsShow.self, DecisionsSign.self, DecisionsSendBack.self, DecisionsExport.self,
            DecisionsCertificates.self, DecisionsRevoke.self, DecisionsAnswer.self,
        ])
}
