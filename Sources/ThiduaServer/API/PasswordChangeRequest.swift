/// `PUT /api/v1/me/password`.
struct PasswordChangeRequest: Decodable {
    var oldPassword: String
    var newPassword: String
}
