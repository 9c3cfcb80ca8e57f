import Foundation

/// Everything a repository call can refuse, each with a stable code and a Vietnamese and an English message.
/// The fronts map these to HTTP statuses and exit codes; nothing here is a server fault.
public enum ThiduaError: Error, Sendable, Hashable {
    case denied(PolicyDenial)
    /// No such record, or one the actor may not see (the same answer, so existence does not leak).
    case notFound(String)
    /// The record changed since the caller read it.
    case staleVersion(expected: Int, current: Int)
    /// The event does not apply in the record's current state.
    case wrongState(WorkflowRefusal)
    /// The unit already holds its maximum of nominations in the round.
    case quotaExceeded(maximum: Int)
    /// The round's due date has passed and no exception covers the unit.
    case pastDueDate(Date)
    case roundNotOpen
    case reasonRequired
    /// Verification needs every document kind the round requires.
    case dossierIncomplete(missing: [DossierKind])
    /// A field's value is not acceptable.
    case invalid(field: String, vietnamese: String, english: String)
    /// The same thing exists already (a username, a code).
    case duplicate(field: String)
    /// Wrong username or password, or a disabled account (one answer for all three).
    case invalidCredentials
    /// The session a transaction presented is no longer live (signed out, expired, or its user disabled).
    case sessionEnded
    /// Too many wrong passwords lately for this username from this address, or from this address: the next try
    /// must wait `retryAfter` seconds (sign_in_rules, 0019). A refused try does not count as a failure.
    case throttled(retryAfter: Int)
    /// The council session's state does not allow the step (``CouncilSessionMachine``).
    case council(CouncilSessionRefusal)
    /// The decision's issuer may not confer this form on the decision's date (or a proposal's addressee may not,
    /// or its issuer could itself); `proposeTo` names the level that may, when there is one.
    case notConferrable(form: String, proposeTo: AuthorityLevel?)
    /// The nominee is under a hold (discipline, investigation, inspection, complaint) on the decision's date.
    case underHold(HoldKind)
    /// The achievement is commended, or proposed upward, already: one achievement, one commendation.
    case alreadyCommended
    /// The decision's state or kind does not allow the step (``DecisionLifecycle``).
    case decision(DecisionRefusal)
    /// No base salary is recorded in force on the decision's date, so its rewards cannot be computed.
    case noBaseSalary
    /// The form requires a public notice, and the nomination's has not ended without an objection upheld.
    case noticePending
    /// The public notice is closed with its outcome: it takes no more objections or comments.
    case noticeClosed
    /// A public notice is opened for a nomination between submission and the decision, not one in this state.
    case noticeNotOpenable(NominationState)
    /// The commendation an exemplar rests on was revoked: it is neither designated nor selected for a review.
    case commendationRevoked
    /// This installation has no login to verify the whole audit chain with (`thidua_verifier`).
    case verifierUnavailable
    /// An import refused whole: every row that is wrong, with its line and column (nothing was imported).
    case importRefused([NominationImport.Problem])
    /// This server has no ballot key (0033), so it takes no secret ballots and counts none.
    case ballotKeyMissing
    /// The server's ballot key does not open a session's secret ballots (another key, or a changed ballot).
    case ballotsUnopenable
    /// Another request of the same user holds this `Idempotency-Key` (the first of a retried create, still
    /// running or answered): this one's change was rolled back.
    case idempotencyKeyTaken

    public var code: String {
        switch self {
        case .denied(let denial): "denied.\(denial.code)"
        case .notFound: "not_found"
        case .staleVersion: "stale_version"
        case .wrongState: "wrong_state"
        case .quotaExceeded: "quota_exceeded"
        case .pastDueDate: "past_due_date"
        case .roundNotOpen: "round_not_open"
        case .reasonRequired: "reason_required"
        case .dossierIncomplete: "dossier_incomplete"
        case .invalid: "invalid"
        case .duplicate: "duplicate"
        case .invalidCredentials: "invalid_credentials"
        case .sessionEnded: "session_ended"
        case .throttled: "throttled"
        case .idempotencyKeyTaken: "idempotency_key_in_use"
        case .council(let refusal): refusal.code
        case .notConferrable: "not_conferrable"
        case .underHold: "under_hold"
        case .alreadyCommended: "already_commended"
        case .decision(let refusal): refusal.code
        case .noBaseSalary: "no_base_salary"
        case .noticePending: "notice_pending"
        case .noticeClosed: "notice_closed"
        case .noticeNotOpenable: "notice_not_openable"
        case .commendationRevoked: "commendation_revoked"
        case .verifierUnavailable: "verifier_unavailable"
        case .ballotKeyMissing: "ballot_key_missing"
        case .importRefused: "import_refused"
        case .ballotsUnopenable: "ballots_unopenable"
        }
    }

    public var vietnamese: String {
        switch self {
        case .denied(let denial): denial.vietnamese
        case .notFound(let what): "Không tìm thấy \(what)."
        case .staleVersion(let expected, let current):
            "Hồ sơ đã được người khác sửa (phiên bản \(current), không phải \(expected)). Hãy tải lại rồi thử lại."
        case .wrongState(let refusal):
            "Không thể thực hiện khi hồ sơ đang ở trạng thái “\(refusal.state.vietnamese)”."
        case .quotaExceeded(let maximum): "Đơn vị đã đăng ký đủ số lượng tối đa (\(maximum)) của đợt này."
        case .pastDueDate: "Đã quá hạn đăng ký của đợt; cần Cơ quan Thường trực cho phép nộp muộn."
        case .roundNotOpen: "Đợt thi đua chưa mở hoặc đã đóng."
        case .reasonRequired: "Phải nêu lý do trả lại."
        case .dossierIncomplete(let missing): "Hồ sơ còn thiếu: \(missing.map(\.vietnamese).joined(separator: ", "))."
        case .invalid(_, let vietnamese, _): vietnamese
        case .duplicate(let field): "Giá trị của “\(field)” đã tồn tại."
        case .invalidCredentials: "Tên đăng nhập hoặc mật khẩu không đúng."
        case .sessionEnded: "Phiên đăng nhập đã kết thúc. Hãy đăng nhập lại."
        case .throttled(let seconds): "Nhập sai mật khẩu nhiều lần. Vui lòng chờ \(seconds) giây rồi thử lại."
        case .idempotencyKeyTaken: "Yêu cầu với khóa Idempotency-Key này đang được xử lý hoặc đã thực hiện; không làm lại lần nữa."
        case .council(let refusal): refusal.vietnamese
        case .notConferrable(let form, let level):
            "Người ký không có thẩm quyền tặng “\(form)” vào ngày của quyết định"
                + (level.map { "; cần lập tờ trình đề nghị \($0.vietnamese)." } ?? ".")
        case .underHold(let kind): "Người được đề nghị đang trong thời gian \(kind.vietnamese): không được khen thưởng, không được đề nghị khen thưởng."
        case .alreadyCommended: "Thành tích này đã được khen thưởng hoặc đề nghị khen thưởng; một thành tích chỉ được khen thưởng một lần."
        case .decision(let refusal): refusal.vietnamese
        case .noBaseSalary: "Chưa có mức lương cơ sở áp dụng vào ngày của quyết định; không tính được tiền thưởng."
        case .noticePending: "Hồ sơ chưa hết thời gian lấy ý kiến công khai, hoặc có ý kiến phản ánh được chấp nhận."
        case .noticeClosed: "Đợt công khai lấy ý kiến đã kết thúc; không nhận thêm ý kiến."
        case .noticeNotOpenable(let state):
            "Chỉ công khai lấy ý kiến hồ sơ đã gửi và chưa có quyết định; hồ sơ này đang ở trạng thái “\(state.vietnamese)”."
        case .commendationRevoked: "Khen thưởng làm căn cứ của điển hình đã bị hủy bỏ: không chọn điển hình này."
        case .verifierUnavailable:
            "Máy chủ này chưa được cấu hình để kiểm tra toàn bộ chuỗi nhật ký (THIDUA_VERIFIER_URL). Hãy dùng “thidua audit verify” trên cơ sở dữ liệu."
        case .importRefused(let problems):
            "Tệp có \(problems.count) lỗi nên chưa nhập dòng nào: " + problems.prefix(20).map { "dòng \($0.line), cột “\($0.column)”: \($0.vietnamese)" }.joined(separator: "; ")
        case .ballotKeyMissing:
            "Máy chủ này chưa có khóa phiếu kín (THIDUA_BALLOT_KEY_FILE) nên chưa nhận và chưa kiểm được phiếu kín."
        case .ballotsUnopenable:
            "Khóa phiếu kín của máy chủ không mở được các phiếu của phiên họp này (phiếu được bỏ dưới một khóa khác). Phiên họp chưa được kết thúc."
        }
    }

    public var english: String {
        switch self {
        case .denied(let denial): denial.english
        case .notFound(let what): "No \(what) found."
        case .staleVersion(let expected, let current):
            "The record was changed by someone else (version \(current), not \(expected)). Reload and try again."
        case .wrongState(let refusal): "Cannot \(refusal.event.rawValue) a nomination that is \(refusal.state.rawValue)."
        case .quotaExceeded(let maximum): "The unit already holds its maximum (\(maximum)) for this round."
        case .pastDueDate(let due): "The round was due at \(due); a late submission needs the secretariat's exception."
        case .roundNotOpen: "The round is not open."
        case .reasonRequired: "A return needs a reason."
        case .dossierIncomplete(let missing): "The dossier lacks: \(missing.map(\.rawValue).joined(separator: ", "))."
        case .invalid(_, _, let english): english
        case .duplicate(let field): "The value of \(field) exists already."
        case .invalidCredentials: "Wrong username or password."
        case .sessionEnded: "The session has ended. Sign in again."
        case .throttled(let seconds): "Too many wrong passwords. Wait \(seconds) seconds and try again."
        case .idempotencyKeyTaken: "A request with this Idempotency-Key is running or was carried out; it is not done twice."
        case .council(let refusal): refusal.english
        case .notConferrable(let form, let level):
            "The signer may not confer \(form) on the decision's date"
                + (level.map { "; propose it to the \($0.rawValue) instead." } ?? ".")
        case .underHold(let kind): "The nominee is under a hold (\(kind.rawValue)): no commendation and no proposal."
        case .alreadyCommended: "This achievement is commended or proposed already; an achievement is commended once."
        case .decision(let refusal): refusal.english
        case .noBaseSalary: "No base salary is recorded in force on the decision's date; its rewards cannot be computed."
        case .noticePending: "The nomination's public notice has not ended, or an objection was upheld."
        case .noticeClosed: "The public notice is closed; it takes no more objections or comments."
        case .noticeNotOpenable(let state):
            "A public notice is opened for a nomination between its submission and the decision, not one that is \(state.rawValue)."
        case .commendationRevoked: "The commendation the exemplar rests on was revoked: it cannot be taken up or selected."
        case .verifierUnavailable:
            "This server is not set up to verify the whole audit chain (THIDUA_VERIFIER_URL). Use `thidua audit verify` on the database."
        case .importRefused(let problems):
            "The file has \(problems.count) problems, so no row was imported: " + problems.prefix(20).map { "line \($0.line), \($0.column): \($0.english)" }.joined(separator: "; ")
        case .ballotKeyMissing: "This server has no ballot key (THIDUA_BALLOT_KEY_FILE), so it takes and counts no secret ballots."
        case .ballotsUnopenable:
            "The server's ballot key does not open this session's secret ballots (they were cast under another key). The session stays open."
        }
    }
}
