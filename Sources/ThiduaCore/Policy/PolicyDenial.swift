/// Why the policy refused: the rule that said no, in words for the person who asked.
public enum PolicyDenial: Error, Sendable, Hashable {
    /// The action needs one of these roles, held in person or under delegation.
    case roleRequired([Role])
    /// The record belongs to another unit.
    case otherUnit
    /// Only the head of the movement's lead unit reviews its nominations.
    case notLeadUnit
    /// An armed force's nominations are seen only by the force and the overseers.
    case armedForceRecord
    /// No one reviews, approves or votes on what they themselves submitted.
    case ownSubmission
    /// Auditors read everything and change nothing.
    case readOnly
    /// An administrator cannot grant or revoke their own roles.
    case selfGrant
    /// The `admin` role is granted and revoked by the installer on the database owner's connection, never by
    /// another administrator: two administrators' accounts cannot be made by one.
    case adminByInstaller
    /// An administrator's account holds no workflow role, and a workflow account is no administrator.
    case separateDuties
    /// An administrator does not give roles to an account it created or enabled in the last day: it chose the
    /// new account's password. Another administrator (or the installer) does.
    case ownRecruit
    /// Only the holder of a role may lend it, and only to a colleague of the same unit.
    case delegationNotAllowed
    /// Council members and the chairman see nominations from council review on.
    case notYetBeforeCouncil
    /// PostgreSQL's row-level security, privileges or workflow guard refused what the Swift policy let through
    /// (a stale actor, or a rule only the database knows); it does not say which rule.
    case refusedByDatabase
    /// Only the members on a council session's roster, frozen when it opened (and not excused), vote in it.
    case notOnRoster
    /// A member recused from a nomination (by default when their own unit submitted it) neither votes on it
    /// nor recuses again.
    case recused
    /// A decision is signed by the chairman in person or "KT. Chủ tịch" by a deputy under a ký thay delegation;
    /// a thừa lệnh (TL.) delegation does not sign decisions.
    case signsOnlyInPersonOrKT
    /// An exemplar's follow-up (designation, evaluations, propagation, replication) is recorded by the unit
    /// that follows it, or by the secretariat.
    case notFollowingUnit
    /// An administrator changes their own password by proving the old one, never by resetting it.
    case ownPasswordReset
    /// An account holding a role beyond a unit's clerk has its password reset by the installer, not an
    /// administrator, who would know the new password and could act as that person (0030).
    case privilegedPasswordReset

    /// A stable code for APIs and scripts.
    public var code: String {
        switch self {
        case .roleRequired: "role_required"
        case .otherUnit: "other_unit"
        case .notLeadUnit: "not_lead_unit"
        case .armedForceRecord: "armed_force_record"
        case .ownSubmission: "own_submission"
        case .readOnly: "read_only"
        case .selfGrant: "self_grant"
        case .adminByInstaller: "admin_by_installer"
        case .separateDuties: "separate_duties"
        case .ownRecruit: "own_recruit"
        case .delegationNotAllowed: "delegation_not_allowed"
        case .notYetBeforeCouncil: "not_yet_before_council"
        case .refusedByDatabase: "refused_by_database"
        case .notOnRoster: "not_on_roster"
        case .recused: "recused"
        case .signsOnlyInPersonOrKT: "signs_only_in_person_or_kt"
        case .notFollowingUnit: "not_following_unit"
        case .ownPasswordReset: "own_password_reset"
        case .privilegedPasswordReset: "privileged_password_reset"
        }
    }

    public var vietnamese: String {
        switch self {
        case .roleRequired(let roles): "Cần vai trò: \(roles.map(\.vietnamese).joined(separator: " hoặc "))."
        case .otherUnit: "Hồ sơ thuộc đơn vị khác."
        case .notLeadUnit: "Chỉ thủ trưởng đơn vị chủ trì phong trào được xác nhận hoặc trả lại."
        case .armedForceRecord: "Hồ sơ của lực lượng vũ trang chỉ đơn vị đó và cơ quan có thẩm quyền được xem."
        case .ownSubmission: "Không ai được xét duyệt hồ sơ do chính mình gửi."
        case .readOnly: "Thanh tra chỉ được xem, không được sửa."
        case .selfGrant: "Quản trị viên không được tự cấp hoặc thu hồi vai trò của mình."
        case .adminByInstaller: "Vai trò quản trị chỉ do người cài đặt hệ thống cấp hoặc thu hồi, trên kết nối của chủ cơ sở dữ liệu."
        case .separateDuties: "Tài khoản quản trị không giữ vai trò nghiệp vụ, và tài khoản nghiệp vụ không là quản trị viên."
        case .ownRecruit: "Quản trị viên không cấp vai trò cho tài khoản do chính mình tạo hoặc mở lại trong vòng một ngày; việc này do một quản trị viên khác làm."
        case .delegationNotAllowed: "Chỉ người giữ vai trò được ủy quyền cho người cùng đơn vị."
        case .notYetBeforeCouncil: "Hội đồng chỉ xem hồ sơ từ khi đưa ra xét."
        case .refusedByDatabase: "Cơ sở dữ liệu từ chối thao tác này theo quy tắc phân quyền."
        case .notOnRoster: "Chỉ thành viên Hội đồng có tên trong danh sách khi khai mạc phiên họp mới được biểu quyết."
        case .recused: "Thành viên đã rút khỏi việc xét hồ sơ này (hoặc đơn vị của mình là đơn vị đề nghị), không được biểu quyết."
        case .signsOnlyInPersonOrKT: "Quyết định do Chủ tịch ký hoặc Phó Chủ tịch ký thay (KT.); ủy quyền thừa lệnh (TL.) không ký quyết định khen thưởng."
        case .notFollowingUnit: "Chỉ đơn vị theo dõi điển hình (hoặc Cơ quan Thường trực) được ghi nhận đánh giá, tuyên truyền, nhân rộng."
        case .ownPasswordReset: "Quản trị viên không đặt lại mật khẩu của chính mình; hãy đổi mật khẩu (nhập mật khẩu cũ) ở trang Đổi mật khẩu."
        case .privilegedPasswordReset:
            "Tài khoản có vai trò ngoài cán bộ đơn vị (thủ trưởng, Phòng Nội vụ, thành viên Hội đồng, Chủ tịch, thanh tra, quản trị) chỉ được đặt lại mật khẩu bằng lệnh “thidua install password” của người cài đặt."
        }
    }

    public var english: String {
        switch self {
        case .roleRequired(let roles): "Requires the role \(roles.map(\.rawValue).joined(separator: " or "))."
        case .otherUnit: "The record belongs to another unit."
        case .notLeadUnit: "Only the head of the movement's lead unit endorses or returns its nominations."
        case .armedForceRecord: "An armed force's records are seen only by that force and the overseers."
        case .ownSubmission: "No one reviews what they themselves submitted."
        case .readOnly: "Auditors read and never change."
        case .selfGrant: "An administrator cannot grant or revoke their own roles."
        case .adminByInstaller: "The admin role is granted and revoked by the installer on the database owner's connection only."
        case .separateDuties: "An administrator's account holds no workflow role, and a workflow account is no administrator."
        case .ownRecruit: "An administrator does not grant roles to an account it created or enabled within the last day; another administrator does."
        case .delegationNotAllowed: "Only the holder of a role may delegate it, to a colleague of the same unit."
        case .notYetBeforeCouncil: "The council sees nominations from council review on."
        case .refusedByDatabase: "The database refused this action under its access rules."
        case .notOnRoster: "Only the members on the session's roster, frozen when it opened, vote in it."
        case .recused: "The member is recused from this nomination (or their own unit submitted it) and does not vote on it."
        case .signsOnlyInPersonOrKT: "A decision is signed by the chairman or for the chairman under ký thay (KT.); a thừa lệnh (TL.) delegation does not sign it."
        case .notFollowingUnit: "Only the unit that follows the exemplar, or the secretariat, records its follow-up."
        case .ownPasswordReset: "An administrator does not reset their own password; they change it with the old one."
        case .privilegedPasswordReset:
            "An account with a role beyond a unit's clerk has its password reset by the installer (`thidua install password`), not by an administrator."
        }
    }
}
