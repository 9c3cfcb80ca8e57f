import Hummingbird
import ThiduaCore

extension APIError {
    /// The HTTP face of a repository's refusal. A record the actor may not see is 404, like one that does not
    /// exist, everywhere: the API never confirms another unit's records exist.
    init(_ error: ThiduaError) {
        let status: HTTPResponse.Status
        var field: String?
        var currentVersion: Int?
        var retryAfter: Int?
        switch error {
        case .denied: status = .forbidden
        case .notFound: status = .notFound
        case .staleVersion(_, let current):
            status = .preconditionFailed
            currentVersion = current
        case .wrongState, .quotaExceeded, .pastDueDate, .roundNotOpen, .duplicate, .council,
             .underHold, .alreadyCommended, .decision(.state), .noticePending, .noticeClosed, .noticeNotOpenable, .commendationRevoked,
             .idempotencyKeyTaken:
            status = .conflict
        // A step the document's kind never takes (answers to a commendation decision, certificates of a proposal).
        case .notConferrable, .noBaseSalary, .decision: status = .unprocessableContent
        case .reasonRequired:
            status = .unprocessableContent
            field = "reason"
        case .dossierIncomplete: status = .unprocessableContent
        case .invalid(let name, _, _):
            status = .unprocessableContent
            field = name
        case .importRefused: status = .unprocessableContent
        case .invalidCredentials, .sessionEnded: status = .unauthorized
        case .throttled(let seconds):
            status = .tooManyRequests
            retryAfter = seconds
        case .verifierUnavailable, .ballotKeyMissing, .ballotsUnopenable: status = .serviceUnavailable
        }
        self.init(
            status, code: error.code, vietnamese: error.vietnamese, english: error.english, field: field,
            currentVersion: currentVersion, retryAfter: retryAfter)
    }
}
