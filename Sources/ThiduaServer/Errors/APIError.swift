import Hummingbird

/// An error as every client sees it: an HTTP status, a stable code, a Vietnamese and an English message, the
/// field at fault when there is one, and for stale writes the version the record has now.
///
/// ``ErrorMiddleware`` turns whatever a route throws into one of these and writes it as ``ErrorBody``.
public struct APIError: Error, Sendable, Hashable {
    public var status: HTTPResponse.Status
    public var code: String
    public var vietnamese: String
    public var english: String
    public var field: String?
    public var currentVersion: Int?
    /// Seconds a client should wait before retrying (429, 503).
    public var retryAfter: Int?

    public init(
        _ status: HTTPResponse.Status, code: String, vietnamese: String, english: String, field: String? = nil,
        currentVersion: Int? = nil, retryAfter: Int? = nil
    ) {
        self.status = status
        self.code = code
        self.vietnamese = vietnamese
        self.english = english
        self.field = field
        self.currentVersion = currentVersion
        self.retryAfter = retryAfter
    }
}

extension APIError {
    static let unauthenticated = APIError(
        .unauthorized, code: "unauthenticated",
        vietnamese: "Chưa đăng nhập, hoặc phiên làm việc đã hết hạn. Hãy đăng nhập lại.",
        english: "Not signed in, or the session has expired. Sign in again.")

    static let csrfRequired = APIError(
        .forbidden, code: "csrf_required",
        vietnamese: "Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF). Hãy tải lại trang rồi thử lại.",
        english: "The request lacks a valid CSRF token. Reload the page and try again.")

    static let invalidUTF8 = APIError(
        .badRequest, code: "invalid_utf8",
        vietnamese: "Nội dung gửi lên không phải văn bản UTF-8 hợp lệ.", english: "The request body is not valid UTF-8.")

    static let malformedForm = APIError(
        .badRequest, code: "malformed_form",
        vietnamese: "Biểu mẫu gửi lên không đọc được. Hãy tải lại trang rồi gửi lại.",
        english: "The form sent cannot be read. Reload the page and send it again.")

    static let emptyBody = APIError(
        .badRequest, code: "malformed_json", vietnamese: "Yêu cầu cần nội dung JSON.", english: "The request needs a JSON body.")

    static func malformedJSON(_ detail: String) -> APIError {
        APIError(.badRequest, code: "malformed_json", vietnamese: "JSON không hợp lệ: \(detail)", english: "Malformed JSON: \(detail)")
    }

    static func bodyTooLarge(limit: Int) -> APIError {
        APIError(
            .contentTooLarge, code: "body_too_large",
            vietnamese: "Nội dung gửi lên vượt quá \(limit / 1024) KiB.", english: "The request body exceeds \(limit / 1024) KiB.")
    }

    static let unsupportedMediaType = APIError(
        .unsupportedMediaType, code: "unsupported_media_type",
        vietnamese: "Chỉ nhận nội dung kiểu application/json.", english: "Only application/json bodies are accepted.")

    static let ifMatchRequired = APIError(
        .preconditionRequired, code: "if_match_required",
        vietnamese: "Thiếu phiên bản hồ sơ (tiêu đề If-Match) để tránh ghi đè thay đổi của người khác.",
        english: "The record's version is required (If-Match header), so no one's change is overwritten.")

    static func invalidField(_ field: String, vietnamese: String, english: String) -> APIError {
        APIError(.unprocessableContent, code: "invalid", vietnamese: vietnamese, english: english, field: field)
    }

    static func badParameter(_ name: String) -> APIError {
        APIError(
            .badRequest, code: "invalid_parameter", vietnamese: "Tham số “\(name)” không hợp lệ.",
            english: "The parameter \(name) is not valid.", field: name)
    }

    static let verificationRunning = APIError(
        .tooManyRequests, code: "verification_running",
        vietnamese: "Đang có một lượt kiểm tra chuỗi nhật ký. Hãy thử lại sau khi lượt đó xong.",
        english: "A verification of the audit chain is already running. Try again when it has finished.", retryAfter: 10)

    static let pdfUnavailable = APIError(
        .serviceUnavailable, code: "pdf_unavailable",
        vietnamese: "Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; hãy tải bản Word (DOCX).",
        english: "LibreOffice is not installed on the server, so there is no PDF; download the Word file (DOCX).")

    static let pdfFailed = APIError(
        .serviceUnavailable, code: "pdf_failed",
        vietnamese: "Chuyển sang PDF không thành công; hãy thử lại hoặc tải bản Word (DOCX).",
        english: "The conversion to PDF failed; try again or download the Word file (DOCX).", retryAfter: 10)

    static let noRoute = APIError(
        .notFound, code: "no_route", vietnamese: "Không có địa chỉ này.", english: "There is no such route.")

    static let methodNotAllowed = APIError(
        .methodNotAllowed, code: "method_not_allowed",
        vietnamese: "Địa chỉ này không nhận phương thức này.", english: "This route does not accept this method.")

    static let databaseUnavailable = APIError(
        .serviceUnavailable, code: "database_unavailable",
        vietnamese: "Tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít giây.",
        english: "The database cannot be reached for now. Try again in a few seconds.", retryAfter: 5)

    static let databaseBusy = APIError(
        .serviceUnavailable, code: "database_busy",
        vietnamese: "Cơ sở dữ liệu đang bận, yêu cầu chưa được thực hiện và không có gì bị thay đổi. Vui lòng thử lại sau ít giây.",
        english: "The database is busy; the request was not carried out and nothing changed. Try again in a few seconds.", retryAfter: 2)

    static let unstorableText = APIError(
        .unprocessableContent, code: "invalid_text",
        vietnamese: "Văn bản có ký tự không lưu được (ký tự NUL hoặc ký tự điều khiển).",
        english: "The text holds a character that cannot be stored (NUL or another control character).")

    static let internalFault = APIError(
        .internalServerError, code: "internal",
        vietnamese: "Máy chủ gặp lỗi ngoài dự kiến; lỗi đã được ghi lại.",
        english: "The server met an unexpected fault; it has been logged.")
}
