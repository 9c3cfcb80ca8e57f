import Foundation

/// The demo's content: who nominates whom for which movement, what they wrote, and how far each nomination
/// goes. Every person, household and business is fictional (Mông, Thái, Dao and Kinh names, as fit Tủa Chùa);
/// the places are the district's own. Figures are in the movements' units (triệu đồng, người, ngày công, m²).
extension DemoNominations {
    /// The unit that nominates: its clerk writes, its head submits and withdraws.
    struct Submitter: Sendable, Hashable {
        var clerk: String
        var head: String

        /// A commune or the town: `<name>.canbo`, `<name>.chutich` (demo-users.sql).
        static func commune(_ name: String) -> Submitter { Submitter(clerk: name + ".canbo", head: name + ".chutich") }
        /// A department, mass organisation or armed force: `<name>.canbo`, `<name>.thutruong`.
        static func office(_ name: String) -> Submitter { Submitter(clerk: name + ".canbo", head: name + ".thutruong") }
    }

    /// One step after the draft, taken by whoever takes it in the district: the unit head submits and withdraws,
    /// the lead unit's head endorses or returns, the secretariat verifies or returns, the clerk revises.
    enum Step: Sendable {
        case submit
        case endorse
        case verify
        case returnByLeadUnit(String)
        case returnBySecretariat(String)
        case revise(Revision)
        case withdraw(String)
    }

    /// What the unit corrects in a returned nomination, and the documents it adds.
    struct Revision: Sendable {
        var achievements: String?
        /// Criteria met, by code, with their new evidence.
        var criteria: [String: String] = [:]
        /// Figures replaced, by indicator and year.
        var indicators: [String: [String: Decimal]] = [:]
        var documents: [Document] = []

        func applied(to nomination: Nomination) -> NominationContent {
            var answers = nomination.criteriaAnswers
            for (code, evidence) in criteria { answers[code] = CriterionAnswer(met: true, evidence: evidence) }
            var figures = nomination.indicators
            for (code, values) in indicators { figures[code, default: [:]].merge(values) { $1 } }
            return NominationContent(
                nomineeName: nomination.nomineeName, title: nomination.title,
                achievements: achievements ?? nomination.achievements, criteriaAnswers: answers, indicators: figures)
        }
    }

    /// A dossier document: its kind and the title its file is named by.
    struct Document: Sendable, Hashable {
        var kind: DossierKind
        var title: String

        init(_ kind: DossierKind, _ title: String? = nil) {
            self.kind = kind
            self.title = title ?? kind.vietnamese
        }
    }

    /// The three documents the round requires (Law art. 84).
    static let fullDossier = [Document(.request, "Tờ trình đề nghị"), Document(.achievementReport), Document(.reviewMinutes)]

    struct Entry: Sendable {
        var unit: Submitter
        var movement: String
        var nominee: NewNominee
        var title: String
        var achievements: String
        /// Criteria met, by the movement's codes, with their evidence.
        var criteria: [String: String] = [:]
        var indicators: [String: [String: Decimal]] = [:]
        var documents: [Document] = fullDossier
        var steps: [Step]

        var content: NominationContent {
            NominationContent(
                nomineeName: nominee.name, title: title, achievements: achievements,
                criteriaAnswers: criteria.mapValues { CriterionAnswer(met: true, evidence: $0) }, indicators: indicators)
        }
    }

    /// The head of each movement's lead unit (catalogue.sql): they endorse or return the other units'
    /// nominations. The armed forces lead their own movement, so their submissions are endorsed at once.
    static let leadUnitHeads: [String: String] = [
        "doanh-nghiep-hoi-nhap": "kthatang.thutruong",
        "vi-nguoi-ngheo": "laodong.thutruong",
        "van-hoa-cong-so": "noivu.thutruong",
        "nong-thon-moi": "nongnghiep.thutruong",
        "hoc-tap-lam-theo-bac": "tuyengiao.thutruong",
        "nong-dan-sxkd-gioi": "hoinongdan.thutruong",
        "doi-song-van-hoa": "vanhoa.thutruong",
        "giao-duc-dao-tao": "giaoduc.thutruong",
        "y-te": "yte.thutruong",
    ]

    /// `recipient`: how report 0603.N counts them; one person is left unclassified, as a unit may leave it.
    private static func person(
        _ name: String, born: String, _ gender: String, _ ethnicity: String, _ position: String, at workplace: String,
        _ recipient: RecipientClass?
    ) -> NewNominee {
        NewNominee(kind: .individual, name: name, personal: PersonalDetails(
            dateOfBirth: born, gender: gender, ethnicity: ethnicity, position: position, workplace: workplace), recipientClass: recipient)
    }

    static func collective(_ name: String, _ recipient: RecipientClass) -> NewNominee {
        NewNominee(kind: .collective, name: name, recipientClass: recipient)
    }
    private static func household(_ name: String) -> NewNominee { NewNominee(kind: .household, name: name) }
    private static func locality(_ name: String) -> NewNominee { NewNominee(kind: .locality, name: name) }

    // MARK: - The nominations, unit by unit

    static let entries: [Entry] = communeEntries + officeEntries + armedForceEntries + noLeadUnitEntries

    private static let communeEntries: [Entry] = [
        Entry(
            unit: .commune("tttuachua"), movement: "doanh-nghiep-hoi-nhap",
            nominee: collective("Công ty TNHH Xây dựng Thắng Lợi Tủa Chùa", .enterprise),
            title: "Doanh nghiệp tiêu biểu trong sản xuất, kinh doanh giai đoạn 2019–2021",
            achievements: "Thi công đạt chất lượng 14 công trình đường giao thông nông thôn và trường học trên địa bàn huyện; doanh thu, nộp ngân sách và lợi nhuận tăng đều qua ba năm. Tạo việc làm ổn định cho 46 lao động địa phương, đóng bảo hiểm xã hội đầy đủ.",
            criteria: [
                "2.1-a-1": "",
                "2.2.1-a-1": "14 công trình hoàn thành đúng tiến độ, được chủ đầu tư nghiệm thu",
                "2.2.1-a-4": "Theo báo cáo tài chính các năm 2019, 2020, 2021",
                "2.2.1-a-5": "Không nợ thuế, không nợ bảo hiểm xã hội",
                "2.2.1-a-6": "Không để xảy ra tai nạn lao động",
            ],
            indicators: [
                "revenue": ["2019": 18500, "2020": 21300, "2021": 24800],
                "tax": ["2019": 920, "2020": 1080, "2021": 1270],
                "profit": ["2019": 1150, "2020": 1050, "2021": 1590],
            ],
            steps: [
                .submit,
                .returnByLeadUnit("Lợi nhuận năm 2020 kê khai thấp hơn năm 2019, chưa đáp ứng tiêu chí 2.2.1-a-4 (năm sau cao hơn năm trước). Đề nghị đối chiếu lại với báo cáo tài chính đã kiểm toán."),
                .revise(Revision(
                    criteria: ["2.2.1-a-4": "Đã đối chiếu với báo cáo tài chính đã kiểm toán; lợi nhuận năm 2020 nhập nhầm, nay sửa lại"],
                    indicators: ["profit": ["2020": 1320]],
                    documents: [Document(.other, "Báo cáo tài chính đã kiểm toán 2019–2021")])),
                .submit, .endorse, .verify,
            ]),
        Entry(
            unit: .commune("tttuachua"), movement: "doi-song-van-hoa",
            nominee: locality("Tổ dân phố Thắng Lợi II"),
            title: "Tổ dân phố văn hóa tiêu biểu",
            achievements: "Giữ vững danh hiệu “Tổ dân phố văn hóa” nhiều năm liền, 96% hộ đạt “Gia đình văn hóa”. Nhân dân tự nguyện góp tiền, ngày công sửa nhà văn hóa, duy trì đội văn nghệ và nếp sống văn minh trong việc cưới, việc tang.",
            criteria: [
                "2.2.6-1": "Được công nhận “Tổ dân phố văn hóa” các năm 2019, 2020, 2021",
                "2.2.6-2": "Không có tảo hôn; việc cưới, việc tang tổ chức tiết kiệm",
            ],
            steps: [.submit, .endorse]),
        Entry(
            unit: .commune("tttuachua"), movement: "van-hoa-cong-so",
            nominee: person("Nguyễn Thị Thu Hiền", born: "1990-05-14", "female", "Kinh", "Công chức Văn phòng - Thống kê", at: "UBND thị trấn Tủa Chùa", .otherIndividual),
            title: "Cá nhân tiêu biểu thực hiện văn hóa công sở",
            achievements: "Tiếp nhận và trả kết quả hơn 1.200 hồ sơ thủ tục hành chính mỗi năm, không có hồ sơ trễ hẹn; kiên trì hướng dẫn người dân nộp hồ sơ trực tuyến. Luôn tận tình, chuẩn mực khi giao tiếp với nhân dân.",
            criteria: [
                "2.2.3-b-1": "",
                "2.2.3-b-2": "Ba năm liền hoàn thành xuất sắc nhiệm vụ",
                "2.2.3-b-3": "Sáng kiến “Phiếu hẹn song ngữ Việt – Mông” được UBND thị trấn công nhận",
            ],
            steps: [.submit]),
        Entry(
            unit: .commune("tttuachua"), movement: "vi-nguoi-ngheo",
            nominee: household("Hộ bà Lò Thị Ơn"),
            title: "Hộ gia đình vượt khó thoát nghèo",
            achievements: "Từ hộ nghèo năm 2018, gia đình vay vốn Ngân hàng Chính sách xã hội mở quán ăn và nuôi lợn thịt, thoát nghèo năm 2020. Tích cực giúp hai hộ cận nghèo cùng tổ học cách chăn nuôi.",
            criteria: ["2.2.4-2": "Thoát nghèo năm 2020 theo kết quả rà soát của thị trấn"],
            documents: [Document(.request, "Tờ trình đề nghị")],
            steps: []),

        Entry(
            unit: .commune("huoiso"), movement: "nong-dan-sxkd-gioi",
            nominee: household("Hộ ông Lò Văn Piệng"),
            title: "Hộ nông dân sản xuất, kinh doanh giỏi",
            achievements: "Cải tạo 2 ha đồi tạp trồng bưởi, nhãn kết hợp nuôi 25 con trâu, bò sinh sản; thu nhập năm 2021 đạt 245 triệu đồng. Hướng dẫn kỹ thuật cho 12 hộ trong xã và tạo việc làm ổn định cho 4 lao động.",
            criteria: [
                "2.2.5-1": "",
                "2.2.5-3": "Thu nhập cao nhất thôn theo xác nhận của UBND xã",
                "2.2.5-4": "Hướng dẫn kỹ thuật cho 12 hộ",
                "2.2.5-5": "4 lao động làm việc thường xuyên",
                "2.2.5-6": "Gia đình văn hóa ba năm liền",
            ],
            indicators: ["income": ["2019": 180, "2020": 210, "2021": 245], "jobs_created": ["total": 4]],
            steps: [.submit, .endorse, .verify]),
        Entry(
            unit: .commune("huoiso"), movement: "nong-thon-moi",
            nominee: person("Giàng A Súa", born: "1976-02-20", "male", "Mông", "Trưởng thôn", at: "UBND xã Huổi Só", .workerOrFarmer),
            title: "Cá nhân tiêu biểu trong xây dựng nông thôn mới",
            achievements: "Vận động 35 hộ trong thôn hiến đất, góp ngày công mở rộng 1,8 km đường liên thôn; gia đình ông hiến 420 m² đất vườn và góp 60 ngày công.",
            criteria: ["2.2.2-b-1": "Thôn hoàn thành tiêu chí giao thông năm 2021", "2.2.2-b-2": "Hiến 420 m² đất, góp 60 ngày công"],
            indicators: ["workdays": ["total": 60], "land_donated_m2": ["total": 420]],
            steps: [
                .submit,
                .returnByLeadUnit("Chưa có biên bản xác nhận việc hiến đất của Ban phát triển thôn và UBND xã; đề nghị bổ sung trước khi tổng hợp trình Hội đồng."),
                .revise(Revision(
                    criteria: ["2.2.2-b-2": "Hiến 420 m² đất, góp 60 ngày công; có biên bản xác nhận của Ban phát triển thôn và UBND xã"],
                    documents: [Document(.other, "Biên bản xác nhận hiến đất")])),
            ]),

        Entry(
            unit: .commune("laoxaphinh"), movement: "nong-dan-sxkd-gioi",
            nominee: collective("Tổ hợp tác nuôi cá lồng Lao Xả Phình", .otherCollective),
            title: "Tập thể sản xuất, kinh doanh giỏi",
            achievements: "Chín hộ thành viên nuôi 36 lồng cá trên lòng hồ sông Đà; năm 2021 xuất bán 28 tấn cá, thu nhập bình quân mỗi hộ trên 120 triệu đồng. Tổ liên kết tiêu thụ ổn định và tạo việc làm cho 14 lao động địa phương.",
            criteria: [
                "2.2.5-1": "",
                "2.2.5-2": "Nuôi theo quy trình do Trạm Khuyến nông huyện hướng dẫn",
                "2.2.5-5": "14 lao động địa phương",
            ],
            indicators: ["income": ["2019": 760, "2020": 890, "2021": 1085], "jobs_created": ["total": 14]],
            steps: [.submit]),
        Entry(
            unit: .commune("laoxaphinh"), movement: "vi-nguoi-ngheo",
            nominee: household("Hộ ông Mùa A Chía"),
            title: "Hộ gia đình vượt khó thoát nghèo",
            achievements: "Năm 2019 được hỗ trợ bò sinh sản theo chương trình giảm nghèo; gia đình chăm sóc tốt, phát triển đàn lên 6 con và trồng thêm 1 ha ngô lai. Thoát nghèo năm 2021 mà không cần thêm hỗ trợ.",
            criteria: ["2.1-b-1": "", "2.2.4-2": "Thoát nghèo năm 2021 theo kết quả rà soát hộ nghèo của xã"],
            steps: [.submit, .endorse]),
        Entry(
            unit: .commune("laoxaphinh"), movement: "hoc-tap-lam-theo-bac",
            nominee: person("Mùa Thị Sua", born: "1995-09-02", "female", "Mông", "Bí thư Chi đoàn thôn", at: "UBND xã Lao Xả Phình", .workerOrFarmer),
            title: "Cá nhân tiêu biểu học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            achievements: "Đưa việc học tập và làm theo gương Bác vào sinh hoạt chi đoàn hằng tháng; vận động đoàn viên làm 3 km đường bê tông nội thôn và sửa nhà cho hai hộ khó khăn.",
            criteria: ["2.2.3-b-2": "Chi đoàn vững mạnh ba năm liền"],
            steps: [.submit, .withdraw("Cá nhân được điều động sang công tác ở xã khác; UBND xã rút hồ sơ để đề nghị ở đợt sau.")]),

        Entry(
            unit: .commune("muongbang"), movement: "nong-thon-moi",
            nominee: collective("Thôn Nà Áng", .otherCollective),
            title: "Thôn tiêu biểu trong xây dựng nông thôn mới",
            achievements: "Thôn được công nhận đạt chuẩn nông thôn mới năm 2021, sớm hơn kế hoạch một năm. Nhân dân góp 1.250 ngày công, hiến 3.600 m² đất để bê tông hóa 2,4 km đường nội thôn và xây nhà văn hóa thôn.",
            criteria: [
                "2.2.2-a-1": "Được UBND huyện công nhận thôn đạt chuẩn nông thôn mới năm 2021",
                "2.2.2-a-2": "Về đích sớm một năm so với kế hoạch của xã",
                "2.2.2-a-3": "",
            ],
            indicators: ["workdays": ["total": 1250], "land_donated_m2": ["total": 3600], "money_contributed": ["total": 185]],
            steps: [.submit, .endorse, .verify]),
        Entry(
            unit: .commune("muongbang"), movement: "nong-dan-sxkd-gioi",
            nominee: household("Hộ bà Lường Thị Ban"),
            title: "Hộ nông dân sản xuất, kinh doanh giỏi",
            achievements: "Hộ người Thái ở thôn Phiêng Bung nuôi lợn thịt và gà thả vườn theo hướng an toàn sinh học, mỗi năm xuất chuồng khoảng 60 con lợn; thu nhập năm 2021 đạt 210 triệu đồng.",
            criteria: ["2.2.5-1": "", "2.2.5-2": "Áp dụng đệm lót sinh học trong chăn nuôi"],
            indicators: ["income": ["2019": 150, "2020": 172, "2021": 210]],
            steps: [
                .submit,
                .returnByLeadUnit("Thu nhập năm 2021 chưa có xác nhận của UBND xã và chưa nêu số lao động được giải quyết việc làm; đề nghị bổ sung."),
                .revise(Revision(
                    achievements: "Hộ người Thái ở thôn Phiêng Bung nuôi lợn thịt và gà thả vườn theo hướng an toàn sinh học, mỗi năm xuất chuồng khoảng 60 con lợn; thu nhập năm 2021 đạt 210 triệu đồng. Gia đình tạo việc làm ổn định cho 3 lao động trong thôn.",
                    criteria: ["2.2.5-3": "Có xác nhận thu nhập của UBND xã Mường Báng", "2.2.5-5": "3 lao động trong thôn"],
                    indicators: ["jobs_created": ["total": 3]],
                    documents: [Document(.other, "Giấy xác nhận thu nhập")])),
                .submit, .endorse,
            ]),
        Entry(
            unit: .commune("muongbang"), movement: "y-te",
            nominee: collective("Trạm Y tế xã Mường Báng", .otherCollective),
            title: "Tập thể tiêu biểu trong chăm sóc sức khỏe nhân dân",
            achievements: "Duy trì tỷ lệ tiêm chủng đầy đủ cho trẻ dưới 1 tuổi trên 95%; năm 2021 tổ chức tiêm vắc xin phòng COVID-19 an toàn cho hơn 3.000 lượt người.",
            criteria: ["2.2.8-a-1": "Đạt các chỉ tiêu chương trình tiêm chủng mở rộng", "2.2.8-a-3": ""],
            steps: [.submit, .endorse]),

        Entry(
            unit: .commune("muongdun"), movement: "nong-dan-sxkd-gioi",
            nominee: household("Hộ ông Vàng A Kỷ"),
            title: "Hộ nông dân sản xuất, kinh doanh giỏi",
            achievements: "Nuôi 30 con bò sinh sản, trồng 2 ha cỏ voi làm thức ăn và 1,5 ha cây ăn quả; thu nhập năm 2021 đạt 230 triệu đồng. Bán bò giống trả chậm cho 5 hộ nghèo trong thôn.",
            criteria: ["2.2.5-1": "", "2.2.5-4": "Chia sẻ kinh nghiệm chăn nuôi bò với các hộ trong thôn", "2.2.5-5": "2 lao động thường xuyên"],
            indicators: ["income": ["2019": 160, "2020": 190, "2021": 230], "jobs_created": ["total": 2]],
            steps: [.submit, .endorse, .verify]),
        Entry(
            unit: .commune("muongdun"), movement: "giao-duc-dao-tao",
            nominee: collective("Trường Phổ thông Dân tộc Bán trú Tiểu học Mường Đun", .otherCollective),
            title: "Tập thể tiêu biểu phong trào “Dạy tốt, học tốt”",
            achievements: "Huy động 100% trẻ 6 tuổi vào lớp 1, không có học sinh bỏ học; tổ chức bếp ăn bán trú và vườn rau cho 320 học sinh. Năm học 2020–2021 có 6 giáo viên dạy giỏi cấp huyện.",
            criteria: ["2.2.7-a-1": "", "2.2.7-a-2": "Trường đạt chuẩn quốc gia mức độ 1", "2.2.7-a-4": "6 giáo viên dạy giỏi cấp huyện"],
            steps: [.submit]),

        Entry(
            unit: .commune("sinchai"), movement: "doanh-nghiep-hoi-nhap",
            nominee: collective("Hợp tác xã Chè Shan tuyết Hấu Chua", .otherCollective),
            title: "Tập thể tiêu biểu trong sản xuất, kinh doanh",
            achievements: "Liên kết với 86 hộ thu mua búp chè Shan tuyết cổ thụ ở thôn Hấu Chua và thôn Sín Chải, chế biến chè xanh và chè phổ nhĩ. Doanh thu, nộp ngân sách và lợi nhuận tăng liên tục ba năm.",
            criteria: [
                "2.2.1-a-1": "",
                "2.2.1-a-2": "Đầu tư máy sao, vò chè bán tự động",
                "2.2.1-a-4": "Theo báo cáo tài chính các năm 2019, 2020, 2021",
                "2.2.1-a-7": "",
            ],
            indicators: [
                "revenue": ["2019": 2350, "2020": 2780, "2021": 3420],
                "tax": ["2019": 48, "2020": 61, "2021": 77],
                "profit": ["2019": 210, "2020": 265, "2021": 340],
            ],
            steps: [.submit, .endorse, .verify]),
        Entry(
            unit: .commune("sinchai"), movement: "nong-dan-sxkd-gioi",
            nominee: household("Hộ ông Thào A Sềnh"),
            title: "Hộ nông dân sản xuất, kinh doanh giỏi",
            achievements: "Chăm sóc 320 cây chè Shan tuyết cổ thụ và 2 ha chè trồng mới ở thôn Hấu Chua, không dùng thuốc bảo vệ thực vật. Thu nhập năm 2021 đạt 185 triệu đồng; tạo việc làm ổn định cho 3 lao động.",
            criteria: ["2.2.5-1": "", "2.2.5-3": "", "2.2.5-5": "3 lao động"],
            indicators: ["income": ["2019": 120, "2020": 148, "2021": 185], "jobs_created": ["total": 3]],
            steps: [
                .submit, .endorse,
                .returnBySecretariat("Biên bản bình xét của thôn chưa có chữ ký của người chủ trì và danh sách người dự họp; báo cáo thành tích chưa có xác nhận của UBND xã. Đề nghị hoàn thiện hồ sơ."),
                .revise(Revision(
                    achievements: "Chăm sóc 320 cây chè Shan tuyết cổ thụ và 2 ha chè trồng mới ở thôn Hấu Chua, không dùng thuốc bảo vệ thực vật. Thu nhập năm 2021 đạt 185 triệu đồng; tạo việc làm ổn định cho 3 lao động và thường xuyên hướng dẫn các hộ trong thôn kỹ thuật hái, bảo vệ cây chè cổ thụ.",
                    criteria: ["2.2.5-3": "Có xác nhận của UBND xã Sín Chải", "2.2.5-4": "Hướng dẫn kỹ thuật hái chè cho các hộ trong thôn"],
                    documents: [Document(.reviewMinutes, "Biên bản bình xét (bổ sung)"), Document(.achievementReport, "Báo cáo thành tích (có xác nhận)")])),
                .submit,
            ]),
        Entry(
            unit: .commune("sinchai"), movement: "doi-song-van-hoa",
            nominee: locality("Thôn Sín Chải"),
            title: "Thôn văn hóa tiêu biểu",
            achievements: "Thôn giữ gìn nghề làm chè truyền thống và bản sắc văn hóa của đồng bào Mông; duy trì câu lạc bộ khèn và tổ chức Tết cổ truyền tiết kiệm, lành mạnh. Năm 2021 được công nhận “Bản văn hóa”.",
            criteria: ["2.2.6-1": "Được công nhận “Bản văn hóa” năm 2021", "2.2.6-2": "Duy trì câu lạc bộ khèn, múa khèn của thôn"],
            steps: [.submit, .endorse]),
        Entry(
            unit: .commune("sinchai"), movement: "vi-nguoi-ngheo",
            nominee: person("Giàng Thị Sua", born: "1984-11-08", "female", "Mông", "Chi hội trưởng Chi hội Phụ nữ thôn Cáng Tỷ", at: "UBND xã Sín Chải", .workerOrFarmer),
            title: "Cá nhân tiêu biểu chung tay vì người nghèo",
            achievements: "Vận động hội viên góp vốn quay vòng giúp 7 hộ nghèo mua lợn giống; đứng ra liên hệ tiêu thụ búp chè cho các hộ khó khăn trong thôn.",
            criteria: ["2.1-b-2": "", "2.2.4-1": "7 hộ nghèo được giúp lợn giống"],
            documents: [],
            steps: []),

        Entry(
            unit: .commune("sinhphinh"), movement: "nong-dan-sxkd-gioi",
            nominee: collective("Hợp tác xã Nông nghiệp Chè Sính Phình", .otherCollective),
            title: "Tập thể sản xuất, kinh doanh giỏi",
            achievements: "Trồng mới và chăm sóc 45 ha chè Shan tuyết theo hướng hữu cơ, xây dựng xưởng chế biến nhỏ; thu nhập bình quân của thành viên tăng gần 30% so với năm 2019. Tạo việc làm ổn định cho 18 lao động người Mông tại địa phương.",
            criteria: ["2.2.5-1": "", "2.2.5-2": "Canh tác chè theo hướng hữu cơ", "2.2.5-5": "18 lao động địa phương"],
            indicators: ["income": ["2019": 1320, "2020": 1510, "2021": 1720], "jobs_created": ["total": 18]],
            steps: [.submit, .endorse]),
        Entry(
            unit: .commune("sinhphinh"), movement: "hoc-tap-lam-theo-bac",
            nominee: person("Vàng Thị Mai", born: "1982-03-25", "female", "Mông", "Bí thư Chi bộ thôn", at: "UBND xã Sính Phình", .leader),
            title: "Cá nhân tiêu biểu học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            achievements: "Vận động đảng viên đăng ký việc làm theo gương Bác gắn với nhiệm vụ cụ thể; chi bộ nhiều năm liền hoàn thành tốt nhiệm vụ. Vận động nhân dân bỏ tục thách cưới, tổ chức đám cưới tiết kiệm.",
            criteria: ["2.2.3-b-1": "", "2.2.3-b-2": "Chi bộ hoàn thành tốt nhiệm vụ ba năm liền"],
            steps: [.submit, .endorse, .verify]),

        Entry(
            unit: .commune("taphin"), movement: "nong-thon-moi",
            nominee: person("Sùng A Thềnh", born: "1970-07-15", "male", "Mông", "Người có uy tín trong thôn", at: "UBND xã Tả Phìn", nil),
            title: "Cá nhân tiêu biểu trong xây dựng nông thôn mới",
            achievements: "Gia đình hiến 650 m² đất nương và góp 85 ngày công làm đường bê tông từ trung tâm xã vào thôn; vận động các hộ làm chuồng trại cách xa nhà ở.",
            criteria: ["2.2.2-b-1": "", "2.2.2-b-2": "Hiến 650 m² đất, góp 85 ngày công và 5 triệu đồng"],
            indicators: ["workdays": ["total": 85], "land_donated_m2": ["total": 650], "money_contributed": ["total": 5]],
            steps: [
                .submit, .endorse,
                .returnBySecretariat("Số ngày công kê khai chưa khớp với biên bản nghiệm thu công trình đường của thôn; đề nghị đơn vị kiểm tra, xác nhận lại."),
            ]),
        Entry(
            unit: .commune("taphin"), movement: "doi-song-van-hoa",
            nominee: locality("Thôn Tả Phìn"),
            title: "Thôn văn hóa tiêu biểu",
            achievements: "Giữ gìn trang phục, dân ca và lễ hội truyền thống của người Mông trên cao nguyên đá; 90% hộ đạt “Gia đình văn hóa”, không có người nghiện ma túy. Thôn duy trì hương ước và tổ tự quản vệ sinh môi trường.",
            criteria: ["2.2.6-1": "", "2.2.6-2": "Duy trì hương ước, quy ước của thôn", "2.2.6-4": ""],
            steps: [.submit]),

        Entry(
            unit: .commune("tasinthang"), movement: "nong-thon-moi",
            nominee: collective("Thôn Tả Sìn Thàng", .otherCollective),
            title: "Thôn tiêu biểu trong xây dựng nông thôn mới",
            achievements: "Thôn hoàn thành 5 tuyến đường nội thôn bằng bê tông, 100% hộ có nhà tiêu hợp vệ sinh; nhân dân góp 900 ngày công và hiến 1.200 m² đất.",
            criteria: ["2.2.2-a-3": ""],
            indicators: ["workdays": ["total": 900], "land_donated_m2": ["total": 1200], "money_contributed": ["total": 60]],
            steps: [
                .submit,
                .returnByLeadUnit("Chưa nêu rõ thôn đã đạt bao nhiêu tiêu chí thôn nông thôn mới và thời điểm được công nhận; đề nghị bổ sung quyết định công nhận."),
            ]),
        Entry(
            unit: .commune("tasinthang"), movement: "y-te",
            nominee: person("Lầu Thị Dế", born: "1988-12-01", "female", "Mông", "Y sĩ", at: "Trạm Y tế xã Tả Sìn Thàng", .otherIndividual),
            title: "Cá nhân tiêu biểu trong chăm sóc sức khỏe nhân dân",
            achievements: "Gần mười năm đi đến từng thôn vận động phụ nữ khám thai và sinh con tại cơ sở y tế; tỷ lệ sinh con tại trạm y tế tăng từ 45% lên 78%. Tận tụy với người bệnh, được nhân dân tin yêu.",
            criteria: ["2.2.8-b-1": "", "2.2.8-b-2": "Không để xảy ra sai sót chuyên môn"],
            steps: [.submit, .endorse, .verify]),

        Entry(
            unit: .commune("trungthu"), movement: "vi-nguoi-ngheo",
            nominee: household("Hộ ông Hờ A Chinh"),
            title: "Hộ gia đình vượt khó thoát nghèo",
            achievements: "Chuyển 1 ha nương ngô kém hiệu quả sang trồng cỏ nuôi bò sinh sản và nuôi dê, thoát nghèo năm 2021. Không trông chờ trợ cấp, tích cực chia sẻ cách làm với các hộ trong thôn.",
            criteria: ["2.1-b-2": "", "2.2.4-2": "Thoát nghèo năm 2021 theo kết quả rà soát của xã"],
            steps: [.submit, .endorse, .verify]),
        Entry(
            unit: .commune("trungthu"), movement: "hoc-tap-lam-theo-bac",
            nominee: collective("Chi bộ thôn Trung Thu", .otherCollective),
            title: "Tập thể tiêu biểu học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            achievements: "Chi bộ đưa việc học tập và làm theo gương Bác vào sinh hoạt định kỳ; mỗi đảng viên nhận giúp đỡ một hộ khó khăn. Năm 2021 thôn không có hộ tái nghèo, không có trẻ em bỏ học.",
            criteria: ["2.2.3-a-1": "", "2.2.3-a-5": "Chi bộ hoàn thành tốt nhiệm vụ năm 2021"],
            steps: [.submit]),

        Entry(
            unit: .commune("tuathang"), movement: "nong-thon-moi",
            nominee: person("Cứ A Chớ", born: "1972-04-18", "male", "Mông", "Trưởng thôn", at: "UBND xã Tủa Thàng", .workerOrFarmer),
            title: "Cá nhân tiêu biểu trong xây dựng nông thôn mới",
            achievements: "Vận động nhân dân hiến gần 2.000 m² đất và góp 300 ngày công làm đường liên thôn; bản thân hiến 500 m² đất nương và góp 75 ngày công.",
            criteria: ["2.2.2-b-1": "", "2.2.2-b-2": "Hiến 500 m² đất, góp 75 ngày công"],
            indicators: ["workdays": ["total": 75], "land_donated_m2": ["total": 500]],
            steps: [.submit, .endorse]),
        Entry(
            unit: .commune("tuathang"), movement: "vi-nguoi-ngheo",
            nominee: household("Hộ bà Cứ Thị Mai"),
            title: "Hộ gia đình vượt khó thoát nghèo",
            achievements: "Một mình nuôi ba con; năm 2020 vay vốn nuôi lợn nái và trồng rau bán ở chợ phiên, thoát nghèo năm 2021.",
            criteria: ["2.2.4-2": ""],
            steps: [
                .submit,
                .returnByLeadUnit("Chưa có kết quả rà soát hộ nghèo của xã thể hiện hộ đã thoát nghèo; đề nghị bổ sung xác nhận của UBND xã."),
                .revise(Revision(
                    achievements: "Một mình nuôi ba con; năm 2020 vay vốn nuôi lợn nái và trồng rau bán ở chợ phiên, thoát nghèo năm 2021. Ba con đều được đến trường đầy đủ.",
                    criteria: ["2.2.4-2": "Có tên trong danh sách hộ thoát nghèo năm 2021 của UBND xã Tủa Thàng"],
                    documents: [Document(.other, "Danh sách hộ thoát nghèo năm 2021")])),
                .submit, .endorse, .verify,
            ]),
        Entry(
            unit: .commune("tuathang"), movement: "giao-duc-dao-tao",
            nominee: collective("Trường Phổ thông Dân tộc Bán trú THCS Tủa Thàng", .otherCollective),
            title: "Tập thể tiêu biểu phong trào “Dạy tốt, học tốt”",
            achievements: "Tỷ lệ học sinh tốt nghiệp THCS đạt 100% ba năm liền; duy trì lớp tăng cường tiếng Việt cho học sinh người Mông. Năm học 2020–2021 có 4 học sinh giỏi cấp tỉnh.",
            criteria: ["2.2.7-a-1": "", "2.2.7-a-3": "Tốt nghiệp THCS 100%", "2.2.7-a-4": "4 học sinh giỏi cấp tỉnh"],
            steps: [.submit, .endorse, .verify]),

        Entry(
            unit: .commune("xanhe"), movement: "doi-song-van-hoa",
            nominee: locality("Thôn Xá Nhè"),
            title: "Thôn văn hóa tiêu biểu",
            achievements: "Thôn tham gia bảo vệ cảnh quan hang động Xá Nhè, giữ gìn lễ hội và dân ca của người Mông. Nhân dân thực hiện tốt quy ước không thách cưới, tổ chức đám tang gọn nhẹ; 88% hộ đạt “Gia đình văn hóa”.",
            criteria: ["2.2.6-1": "", "2.2.6-2": "Thực hiện quy ước không thách cưới", "2.2.6-3": ""],
            steps: [.submit, .endorse, .verify]),
        Entry(
            unit: .commune("xanhe"), movement: "nong-dan-sxkd-gioi",
            nominee: household("Hộ ông Lý A Sình"),
            title: "Hộ nông dân sản xuất, kinh doanh giỏi",
            achievements: "Trồng ngô, lúa nương bằng giống mới và nuôi 40 con dê; thu nhập năm 2021 đạt 160 triệu đồng. Cho các hộ trong thôn mượn dê giống để nhân đàn.",
            criteria: ["2.2.5-1": "", "2.2.5-4": ""],
            indicators: ["income": ["2019": 95, "2020": 120, "2021": 160], "jobs_created": ["total": 2]],
            steps: [
                .submit, .endorse,
                .withdraw("Hộ gia đình đã được đề nghị ở phong trào khác trong năm; UBND xã rút hồ sơ để nhường suất cho hộ khác."),
            ]),
    ]

    private static let officeEntries: [Entry] = [
        Entry(
            unit: .office("kthatang"), movement: "doanh-nghiep-hoi-nhap",
            nominee: person("Trần Văn Tuấn", born: "1979-06-30", "male", "Kinh", "Giám đốc", at: "Công ty TNHH Vật liệu xây dựng Tủa Chùa", .businessPerson),
            title: "Doanh nhân tiêu biểu",
            achievements: "Đầu tư dây chuyền sản xuất gạch không nung công suất 10 triệu viên mỗi năm, thay thế lò gạch thủ công gây ô nhiễm; đóng đủ bảo hiểm cho 38 lao động. Ủng hộ xây nhà đại đoàn kết cho 3 hộ nghèo.",
            criteria: [
                "2.2.1-b-1": "Dây chuyền gạch không nung đưa vào sản xuất năm 2020",
                "2.2.1-b-2": "",
                "2.2.1-b-3": "Không nợ bảo hiểm, không vi phạm về môi trường",
            ],
            indicators: [
                "revenue": ["2019": 9200, "2020": 10400, "2021": 12100],
                "tax": ["2019": 410, "2020": 470, "2021": 560],
                "profit": ["2019": 520, "2020": 610, "2021": 740],
            ],
            steps: [.submit, .verify]),
        Entry(
            unit: .office("noivu"), movement: "van-hoa-cong-so",
            nominee: person("Phạm Thị Thu Hương", born: "1987-10-10", "female", "Kinh", "Chuyên viên", at: "Phòng Nội vụ", .otherIndividual),
            title: "Cá nhân tiêu biểu thực hiện văn hóa công sở",
            achievements: "Tham mưu đưa phần mềm quản lý văn bản và hồ sơ công việc vào 100% cơ quan, đơn vị cấp huyện; năm 2021 văn bản điện tử chiếm trên 90% văn bản đi, đến.",
            criteria: ["2.2.3-b-2": "", "2.2.3-b-3": "Giải pháp gửi, nhận văn bản điện tử được UBND huyện công nhận"],
            steps: [.submit]),
        Entry(
            unit: .office("giaoduc"), movement: "giao-duc-dao-tao",
            nominee: collective("Trường Phổ thông Dân tộc Bán trú THCS Sín Chải", .otherCollective),
            title: "Tập thể tiêu biểu phong trào “Dạy tốt, học tốt”",
            achievements: "Duy trì sĩ số 98% ở xã vùng cao trên 1.400 m, tổ chức ăn, ở bán trú an toàn cho 280 học sinh. Đội ngũ giáo viên 100% đạt chuẩn, có 3 giáo viên dạy giỏi cấp tỉnh.",
            criteria: ["2.2.7-a-1": "", "2.2.7-a-2": "Khu bán trú được xây mới năm 2020", "2.2.7-a-4": "3 giáo viên dạy giỏi cấp tỉnh"],
            steps: [.submit, .verify]),
        Entry(
            unit: .office("giaoduc"), movement: "giao-duc-dao-tao",
            nominee: person("Bàn Thị Thu", born: "1983-01-22", "female", "Dao", "Giáo viên Ngữ văn", at: "Trường Phổ thông Dân tộc Bán trú THCS Tả Phìn", .otherIndividual),
            title: "Giáo viên tiêu biểu",
            achievements: "Mười lăm năm dạy học ở các xã vùng cao; có sáng kiến dạy đọc hiểu cho học sinh dân tộc thiểu số được Hội đồng sáng kiến huyện công nhận.",
            criteria: ["2.2.7-b-1": "Sáng kiến được công nhận năm 2021"],
            steps: [
                .submit,
                .returnBySecretariat("Thành tích bồi dưỡng học sinh giỏi chưa nêu rõ số giải, cấp giải và năm học; đề nghị bổ sung kèm giấy chứng nhận sáng kiến."),
                .revise(Revision(
                    achievements: "Mười lăm năm dạy học ở các xã vùng cao; có sáng kiến dạy đọc hiểu cho học sinh dân tộc thiểu số được Hội đồng sáng kiến huyện công nhận. Bồi dưỡng 7 học sinh đạt giải học sinh giỏi cấp huyện và 2 học sinh đạt giải cấp tỉnh trong các năm học 2019–2020, 2020–2021.",
                    criteria: ["2.2.7-b-2": "7 giải cấp huyện, 2 giải cấp tỉnh"],
                    documents: [Document(.initiativeCertificate)])),
                .submit,
            ]),
        Entry(
            unit: .office("yte"), movement: "y-te",
            nominee: person("Lương Văn Hòa", born: "1981-08-09", "male", "Thái", "Bác sĩ khoa Hồi sức cấp cứu", at: "Trung tâm Y tế huyện Tủa Chùa", .otherIndividual),
            title: "Thầy thuốc tiêu biểu",
            achievements: "Trực tiếp cấp cứu thành công nhiều ca bệnh nặng trong điều kiện thiếu phương tiện; tổ chức các đợt khám bệnh miễn phí cho người cao tuổi ở bốn xã vùng cao.",
            criteria: ["2.2.8-b-1": "", "2.2.8-b-2": ""],
            steps: [.submit]),
        Entry(
            unit: .office("mttq"), movement: "vi-nguoi-ngheo",
            nominee: collective("Ban Công tác Mặt trận thôn Hấu Chua", .otherCollective),
            title: "Tập thể tiêu biểu chung tay vì người nghèo",
            achievements: "Vận động nhân dân và con em quê hương ủng hộ 120 triệu đồng cùng 600 ngày công, xây 6 nhà đại đoàn kết cho hộ nghèo trong thôn năm 2021.",
            criteria: ["2.1-a-5": "", "2.2.4-1": "6 nhà đại đoàn kết hoàn thành năm 2021"],
            steps: [.submit, .endorse]),
        Entry(
            unit: .office("vanhoa"), movement: "van-hoa-cong-so",
            nominee: person("Cà Văn Dũng", born: "1991-04-04", "male", "Thái", "Chuyên viên", at: "Phòng Văn hóa và Thông tin", .otherIndividual),
            title: "Cá nhân tiêu biểu thực hiện văn hóa công sở",
            achievements: "Chủ trì số hóa hồ sơ di tích và xây dựng chuyên mục giới thiệu du lịch Tủa Chùa trên trang thông tin điện tử của huyện; luôn đúng giờ, chuẩn mực trong giao tiếp công vụ.",
            criteria: ["2.2.3-b-1": "", "2.2.3-b-3": "Số hóa hồ sơ di tích của huyện"],
            steps: [.submit]),
        Entry(
            unit: .office("tuyengiao"), movement: "hoc-tap-lam-theo-bac",
            nominee: collective("Đảng bộ xã Sính Phình", .otherCollective),
            title: "Tập thể tiêu biểu học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            achievements: "Đảng bộ cụ thể hóa việc học tập và làm theo gương Bác thành các mô hình “dân vận khéo” trong phát triển cây chè Shan tuyết và xóa nhà tạm cho hộ nghèo.",
            criteria: ["2.2.3-a-1": ""],
            documents: [Document(.request, "Tờ trình đề nghị")],
            steps: []),
        Entry(
            unit: .office("hoinongdan"), movement: "nong-dan-sxkd-gioi",
            nominee: person("Lò Văn Thoan", born: "1975-05-19", "male", "Thái", "Chi hội trưởng Chi hội Nông dân thôn", at: "Hội Nông dân xã Mường Đun", .workerOrFarmer),
            title: "Nông dân sản xuất, kinh doanh giỏi",
            achievements: "Phát triển mô hình trang trại tổng hợp lúa – cá – lợn, thu nhập năm 2021 trên 300 triệu đồng. Tạo việc làm ổn định cho 5 lao động và hướng dẫn kỹ thuật cho hội viên trong xã.",
            criteria: ["2.2.5-1": "", "2.2.5-2": "", "2.2.5-5": "5 lao động thường xuyên"],
            indicators: ["income": ["2019": 210, "2020": 255, "2021": 310], "jobs_created": ["total": 5]],
            steps: [.submit, .verify]),
    ]

    private static let armedForceEntries: [Entry] = [
        Entry(
            unit: .office("congan"), movement: "luc-luong-vu-trang",
            nominee: collective("Công an xã Sín Chải", .otherCollective),
            title: "Tập thể tiêu biểu phong trào “Vì an ninh Tổ quốc”",
            achievements: "Giữ vững an ninh trật tự trên địa bàn xã vùng cao, không để xảy ra điểm nóng; vận động nhân dân giao nộp 12 khẩu súng tự chế và phối hợp triệt phá 2 vụ mua bán trái phép chất ma túy.",
            criteria: ["2.2.9-a-1": "", "2.2.9-a-2": "Xây dựng thế trận lòng dân ở 8 thôn"],
            steps: [.submit, .verify]),
        Entry(
            unit: .office("congan"), movement: "luc-luong-vu-trang",
            nominee: person("Lò Văn Quân", born: "1990-02-14", "male", "Thái", "Cán bộ Đội Cảnh sát điều tra tội phạm về ma túy", at: "Công an huyện Tủa Chùa", .otherIndividual),
            title: "Cán bộ tiêu biểu phong trào “Vì an ninh Tổ quốc”",
            achievements: "Trực tiếp tham gia phá 5 chuyên án ma túy năm 2021; luôn gần dân, giúp dân di dời tài sản trong mùa mưa lũ.",
            criteria: ["2.2.9-b-1": "", "2.2.9-b-2": ""],
            steps: [.submit]),
        Entry(
            unit: .office("quansu"), movement: "luc-luong-vu-trang",
            nominee: collective("Ban Chỉ huy Quân sự xã Tả Phìn", .otherCollective),
            title: "Tập thể tiêu biểu phong trào “Thi đua Quyết thắng”",
            achievements: "Hoàn thành 100% chỉ tiêu gọi công dân nhập ngũ ba năm liền; dân quân huấn luyện đạt loại khá, giỏi và tham gia khắc phục hậu quả sạt lở đất tại các thôn.",
            criteria: ["2.2.9-a-1": "", "2.2.9-a-4": "Huấn luyện dân quân đạt loại khá, giỏi"],
            steps: [.submit, .verify]),
        Entry(
            unit: .office("quansu"), movement: "luc-luong-vu-trang",
            nominee: person("Vũ Mạnh Hùng", born: "1986-09-27", "male", "Kinh", "Trợ lý tác chiến", at: "Ban Chỉ huy Quân sự huyện Tủa Chùa", .otherIndividual),
            title: "Cán bộ tiêu biểu phong trào “Thi đua Quyết thắng”",
            achievements: "Tham mưu kế hoạch phòng, chống thiên tai và tìm kiếm cứu nạn của huyện; hoàn thành tốt nhiệm vụ trong diễn tập khu vực phòng thủ huyện năm 2021.",
            criteria: ["2.2.9-b-1": "", "2.2.9-b-2": ""],
            steps: [
                .submit,
                .returnBySecretariat("Chưa có ý kiến của Đảng ủy Quân sự huyện về thành tích đề nghị; đề nghị bổ sung theo quy định của lực lượng vũ trang."),
            ]),
    ]
}
