import Hummingbird

/// The one-line notice a page shows after a form succeeded and redirected to it (`?ok=gui`). Only these
/// codes are shown, each with its own words: nothing from the address reaches the page as text.
enum Flash {
    static let messages: [String: String] = [
        "mat-khau": "Đã đổi mật khẩu.",
        "tai-lieu": "Đã tải tài liệu lên.",
        "submit": "Đã gửi hồ sơ.",
        "withdraw": "Đã rút hồ sơ.",
        "endorse": "Đã xác nhận hồ sơ và chuyển Cơ quan Thường trực thẩm định.",
        "return_by_lead_unit": "Đã trả lại hồ sơ cho đơn vị, kèm lý do.",
        "verify": "Đã thẩm định hồ sơ.",
        "return_by_secretariat": "Đã trả lại hồ sơ cho đơn vị, kèm lý do.",
        "lap-ho-so": "Đã lưu hồ sơ (dự thảo). Hãy tải lên các tài liệu bắt buộc, rồi trình thủ trưởng đơn vị gửi.",
        "sua": "Đã lưu thay đổi của hồ sơ.",
        "gia-han": "Đã cho đơn vị gia hạn, kèm lý do; đơn vị gửi hồ sơ được đến thời hạn mới.",
        "mo-phien": "Đã mở phiên họp; các thành viên Hội đồng có thể bỏ phiếu.",
        "phieu": "Đã ghi phiếu của đồng chí.",
        "rut-lui": "Đã ghi việc đồng chí không tham gia biểu quyết hồ sơ, kèm lý do.",
        "ket-thuc": "Đã kết thúc phiên họp và kiểm phiếu.",
        "du-thao": "Đã lưu dự thảo quyết định; quyết định chờ Chủ tịch ký.",
        "qd-ky": "Đã ký ban hành quyết định.",
        "qd-tra-lai": "Đã trả lại dự thảo cho Cơ quan Thường trực, kèm lý do.",
        "qd-trinh-lai": "Đã trình ký lại quyết định.",
        "qd-bo-dong": "Đã bỏ một người, tập thể khỏi dự thảo quyết định.",
        "tao-tai-khoan": "Đã tạo tài khoản. Một quản trị viên khác cấp vai trò đầu tiên cho tài khoản.",
        "cap-quyen": "Đã cấp vai trò.",
        "thu-hoi": "Đã thu hồi vai trò, kèm lý do.",
        "khoa": "Đã khóa tài khoản; các phiên đăng nhập của tài khoản đã kết thúc.",
        "mo-khoa": "Đã mở lại tài khoản.",
        "dat-lai-mat-khau": "Đã đặt lại mật khẩu, kèm lý do; các phiên đăng nhập của tài khoản đã kết thúc.",
        "don-vi-moi": "Đã thêm đơn vị.",
        "ke-thua": "Đã ghi nhận việc sáp nhập, chia tách hoặc đổi tên, kèm căn cứ.",
        "tieu-chi": "Đã lưu tiêu chí của phong trào.",
        "nhap": "Đã nhập các hồ sơ từ tệp (dự thảo). Hãy tải lên tài liệu bắt buộc của từng hồ sơ, rồi trình thủ trưởng đơn vị gửi.",
        "nam-moi": "Đã mở năm mới: các đợt, giới hạn và chỉ tiêu đã được ghi; các đơn vị đăng ký được từ ngày mở của đợt.",
    ]

    static func message(_ request: Request) -> String? {
        request.uri.queryParameters["ok"].flatMap { messages[String($0)] }
    }
}
